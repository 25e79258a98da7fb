import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../ingest/chunk/sentences.js';
import { blocksToUnits } from '../../../ingest/chunk/units.js';
import { corpusLines } from '../clean/corpus.js';
import { corpusDocuments } from '../corpus-passages.js';

/** Real corpus lines joined into one paragraph, split into sentence texts. */
function sentencesOf(number: '001', needle: string, lines: number): string[] {
  const paragraph = corpusLines(number, needle, lines).replace(/\s+/g, ' ').trim();
  return splitSentences(paragraph).map((span) => paragraph.slice(span.start, span.end));
}

describe('splitSentences', () => {
  it('does not split after the initials of "M.A.E. Kuin" but does after "Kuin."', () => {
    const sentences = sentencesOf('001', 'De raad van bestuur is mevrouw M.A.E. Kuin. Haar taken', 2);
    expect(sentences[0]).toBe('De raad van bestuur is mevrouw M.A.E. Kuin.');
    expect(sentences[1]).toMatch(/^Haar taken en verantwoordelijkheden/);
  });

  it('does not split inside or before "€ 1.298.866." and ends the sentence after it', () => {
    const sentences = sentencesOf('001', 'Het kasstroomoverzicht laat een afname in geldmiddelen', 2);
    expect(sentences[0]).toBe('Het kasstroomoverzicht laat een afname in geldmiddelen over 2022 zien van € 1.298.866.');
    expect(sentences[1]).toMatch(/^Dit wordt/);
  });

  it('does not split after "t.o.v." before an amount', () => {
    const sentences = sentencesOf('001', 'Stichting WIJ Groningen heeft € 4,61 miljoen aan subsidie inkomsten', 2);
    expect(sentences[0]).toBe('Stichting WIJ Groningen heeft € 4,61 miljoen aan subsidie inkomsten geboekt (t.o.v. € 2,96 miljoen in 2021).');
  });

  it('does not split after "o.a." before a capitalised word', () => {
    const sentences = sentencesOf('001', 'o.a.', 2);
    expect(sentences).toEqual(['o.a. Online jongerenwerk']);
  });

  it('splits at a question mark and at a full stop before a digit, and keeps spans inside the text', () => {
    const text = 'Is de governance toekomstbestendig? Ja. 64% van de klachten gaat over communicatie.';
    expect(splitSentences(text).map((span) => text.slice(span.start, span.end))).toEqual([
      'Is de governance toekomstbestendig?',
      'Ja.',
      '64% van de klachten gaat over communicatie.',
    ]);
  });

  it('never ends a sentence unit of the corpus on an abbreviation or an initial', () => {
    const units = corpusDocuments().flatMap((document) => blocksToUnits(document.blocks, document.clean.text));
    const sentences = units.filter((unit) => unit.kind === 'sentence');
    expect(sentences.length).toBeGreaterThan(1500);
    const broken = sentences.filter((unit) => /(?:^|\s)(?:o\.a|t\.o\.v|d\.d|m\.b\.t|i\.v\.m|(?:\p{Lu}\.)*\p{Lu})\.$/u.test(unit.text));
    expect(broken.map((unit) => unit.text)).toEqual([]);
  });
});
