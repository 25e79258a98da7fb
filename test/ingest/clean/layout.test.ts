import { describe, expect, it } from 'vitest';
import { closeSentenceGaps } from '../../../ingest/clean/close-sentence-gaps.js';
import { normaliseCharacters } from '../../../ingest/clean/normalise-characters.js';
import { normaliseWhitespace } from '../../../ingest/clean/normalise-whitespace.js';
import { fromOriginal, originalSpan } from '../../../ingest/clean/offset-text.js';
import { undoubleLineSpacing } from '../../../ingest/clean/undouble-line-spacing.js';
import { corpusLine, corpusLines, loadCorpus } from './corpus.js';

describe('normaliseCharacters', () => {
  it('turns the "\\n\\f\\n" page separator into one line break that maps back across it', () => {
    const original = 'einde pagina 1\n\f\nbegin pagina 2';
    const { text } = normaliseCharacters(fromOriginal(original));
    expect(text.text).toBe('einde pagina 1\nbegin pagina 2');
    const begin = text.text.indexOf('begin');
    expect(original.slice(originalSpan(text, begin, text.text.length).start)).toBe('begin pagina 2');
  });

  it('removes U+FFFF, U+FFFE, U+FFFD, zero-width and control characters but keeps line breaks', () => {
    const { text } = normaliseCharacters(fromOriginal('Wmo\uFFFF-\u0007hulp\uFFFD\u200B\nJeugd\uFFFEwet'));
    expect(text.text).toBe('Wmo-hulp\nJeugdwet');
  });

  it('makes tabs and odd spaces plain spaces, spells out ligatures and composes accents', () => {
    const { text } = normaliseCharacters(fromOriginal('€\u00A0500.000\tﬁnanciële\u202Fe\u0301e\u0301n'));
    expect(text.text).toBe('€ 500.000 financiële één');
  });

  it('keeps a soft hyphen at a line end as a hyphen, so de-hyphenation can judge it', () => {
    const { text } = normaliseCharacters(fromOriginal('ega\u00AD\nlisatie, ver\u00ADdeling'));
    expect(text.text).toBe('ega-\nlisatie, verdeling');
  });

  it('leaves curly quotes and the Dutch number format alone', () => {
    const line = corpusLine('001', 'Gezond Leven in 050');
    expect(normaliseCharacters(fromOriginal(line)).text.text).toBe(line);
  });
});

describe('normaliseWhitespace', () => {
  it('collapses runs of spaces inside a line and trims both line ends (corpus/003)', () => {
    const line = corpusLine('003', 'Portefeuillehouder');
    const { text } = normaliseWhitespace(fromOriginal(`${line}\n`));
    expect(text.text).toBe('Portefeuillehouder Gijsbertsen Raadscommissie O&W');
  });

  it('keeps at most one blank line in a row and keeps single line breaks', () => {
    const { text } = normaliseWhitespace(fromOriginal('\n\nKader  \n \n\n\n- de geformuleerde ambities\n- de taakstellingen\n\n'));
    expect(text.text).toBe('Kader\n\n- de geformuleerde ambities\n- de taakstellingen');
  });
});

describe('undoubleLineSpacing', () => {
  it('turns the blank line after every line of corpus/000 back into a line break', () => {
    const { text } = undoubleLineSpacing(fromOriginal(loadCorpus('000').text));
    expect(text.text).toContain('van de gemeente \nGroningen. WIJ heeft een reguliere opdracht');
  });

  it('keeps the blank line after a short closing sentence, a paragraph end (corpus/000)', () => {
    const { text } = undoubleLineSpacing(fromOriginal(loadCorpus('000').text));
    expect(text.text).toMatch(/uitvoeringspartner\. *\n *\n+Het sociaal domein/);
  });

  it('leaves a Markdown document with one-line paragraphs alone (corpus/004)', () => {
    const original = loadCorpus('004').text;
    expect(undoubleLineSpacing(fromOriginal(original)).count).toBe(0);
  });
});

describe('closeSentenceGaps', () => {
  it('joins a list item that extraction split by a blank line (corpus/002)', () => {
    const original = corpusLines('002', '• de perspectieven van wijkbewoners', 3);
    const { text } = normaliseWhitespace(closeSentenceGaps(normaliseWhitespace(fromOriginal(original)).text).text);
    expect(text.text).toBe('• de perspectieven van wijkbewoners, professionals, instellingen hebben onvoldoende gewicht in het\nhuidige model;');
  });

  it('keeps the blank line before a new paragraph or list item', () => {
    const source = 'is onduidelijk en op termijn niet werkbaar\n\nDe ontwikkeling van WIJ Groningen vindt plaats in vier stappen,\n\no de gemeente in een controlerende rol;';
    expect(closeSentenceGaps(fromOriginal(source)).text.text).toBe(source);
  });
});
