import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../ingest/clean/clean-document.js';
import { extractMarkupHeadings } from '../../../ingest/clean/markup-headings.js';
import { fromOriginal } from '../../../ingest/clean/offset-text.js';
import { removeTableOfContents } from '../../../ingest/clean/remove-table-of-contents.js';
import { stripInlineMarkup } from '../../../ingest/clean/strip-inline-markup.js';
import { segmentDocument } from '../../../ingest/structure/segment.js';
import { corpusLine, loadCorpus } from './corpus.js';

describe('extractMarkupHeadings', () => {
  it('takes "#" markers off and records the level and original span of the heading text', () => {
    const original = `intro\n${corpusLine('004', '## 2.1 De formele governance')}\ntekst`;
    const { text, headings } = extractMarkupHeadings(fromOriginal(original));
    expect(text.text).toBe('intro\n2.1 De formele governance voldoet aan de wettelijke eisen\ntekst');
    expect(headings).toHaveLength(1);
    const [heading] = headings;
    expect(heading?.level).toBe(2);
    expect(original.slice(heading?.start, heading?.end)).toBe('2.1 De formele governance voldoet aan de wettelijke eisen');
  });

  it('reads HTML headings too, and ignores "#" without a space or text', () => {
    const { headings } = extractMarkupHeadings(fromOriginal('<h3>Kaders</h3>\n#hashtag\n## **\nnormaal'));
    expect(headings.map((heading) => heading.level)).toEqual([3]);
  });
});

describe('stripInlineMarkup', () => {
  it('removes bold, italic, tags, links and rules but keeps their words (corpus/004)', () => {
    const original = [
      corpusLine('004', '- **Documentstudie.**'),
      '*Onderzoek naar de governance van de samenwerking  ',
      'tussen WIJ Groningen en gemeente Groningen*',
      corpusLine('004', '<sup>2</sup> Snelstudie'),
      '---',
      corpusLine('004', '[www.berenschot.nl]'),
    ].join('\n');
    const { text } = stripInlineMarkup(fromOriginal(original));
    expect(text.text).toContain('- Documentstudie. Om een goed beeld');
    expect(text.text).toContain('Onderzoek naar de governance van de samenwerking  \ntussen WIJ Groningen en gemeente Groningen\n');
    expect(text.text).toContain('2 Snelstudie Overheidsrollen bij samenwerking in de actieve samenleving, Kennisknooppunt');
    expect(text.text).toMatch(/\n\nwww\.berenschot\.nl$/);
  });

  it('removes an inline footnote reference "<sup>1</sup>" and records it', () => {
    const line = corpusLine('004', 'in de regierol te plaatsen.<sup>1</sup>');
    const { text, removed } = stripInlineMarkup(fromOriginal(line));
    expect(text.text).toContain('in de regierol te plaatsen. Opdrachten die WIJ Groningen uitvoert');
    expect(removed).toEqual([{ kind: 'footnote-marker', start: line.indexOf('<sup>'), end: line.indexOf('</sup>') + 6 }]);
  });

  it('leaves lone asterisks of OCR text alone (corpus/002 "werker* en")', () => {
    const line = corpusLine('002', "'generalistisch werker* en");
    expect(stripInlineMarkup(fromOriginal(line)).text.text).toBe(line);
  });
});

describe('removeTableOfContents', () => {
  it('removes every dot-leader line of the contents of corpus/004', () => {
    const clean = cleanDocument(loadCorpus('004'));
    expect(clean.text).not.toMatch(/\.{4,}/);
    expect(clean.removed.filter((removal) => removal.kind === 'table-of-contents')).toHaveLength(24);
    expect(clean.text).toContain('Inhoudsopgave\n\nManagementsamenvatting\n\nWIJ Groningen voert sinds 2018');
  });

  it('removes contents lines without leaders under an "Inhoud" heading, not the text after them', () => {
    const original = 'Inhoud\n\n1 Inleiding 3\n2 Bestuursverslag 5\n2.1 Organisatie 7\nBijlagen 40\n\nDe stichting heeft 587 medewerkers en 214 vrijwilligers';
    const { text } = removeTableOfContents(fromOriginal(original));
    expect(text.text).toBe('Inhoud\n\n\nDe stichting heeft 587 medewerkers en 214 vrijwilligers');
  });

  it('keeps a line that ends in a number outside a contents list', () => {
    const line = corpusLine('001', 'Aantal wachtenden > 6 weken per peildatum');
    expect(removeTableOfContents(fromOriginal(line)).text.text).toBe(line);
  });
});

describe('cleanDocument headings', () => {
  const clean = cleanDocument(loadCorpus('004'));

  it('reports the Markdown headings of corpus/004 with their levels, in clean offsets', () => {
    const titles = clean.headings.map((heading) => `${heading.level} ${heading.text}`);
    expect(titles).toContain('1 Een goed moment voor een \'apk\'');
    expect(titles).toContain('2 2.1 De formele governance voldoet aan de wettelijke eisen');
    expect(titles).toContain('3 3.2 De reikwijdte van WIJ Groningen bepalen en nieuwe opdrachten kanaliseren');
    expect(titles).toContain('4 Duiding:');
    for (const heading of clean.headings) expect(clean.text.slice(heading.start, heading.end)).toBe(heading.text);
  });

  it('makes the headings of corpus/004 the section titles structure detection puts passages under', () => {
    const blocks = segmentDocument(clean);
    const block = blocks.find((candidate) => candidate.kind !== 'heading' && clean.text.slice(candidate.start, candidate.end).includes('Bij quasi-inbesteden wordt een overheidsopdracht verleend'));
    expect(block?.section).toContain('2.1 De formele governance voldoet aan de wettelijke eisen');
    expect(block?.section).toContain('Een eigen governancestructuur voor drie soorten opdrachten');
  });
});
