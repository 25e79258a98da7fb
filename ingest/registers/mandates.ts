/**
 * The mandates register of one document: every sentence that says which body decides, approves, appoints, sets
 * frameworks or supervises what, as rows actor → power → object with the sentence as their source.
 */
import { splitSentences } from '../chunk/sentences.js';
import type { Passage, RegisterRow } from '../types.js';
import { mandateWords, type MandateWords } from './mandate-words.js';
import { findActors } from './mandate-actors.js';
import { sentenceMandates } from './mandate-sentence.js';

/** A mandates row. */
export type MandateRow = Extract<RegisterRow, { kind: 'mandates' }>;

const HEADING_WORDS = 8;

/** A body other than the council whose name has "raad" in it, named in a heading-like text. */
function specificRaad(text: string, words: MandateWords): string | undefined {
  return findActors(text, words).filter((a) => a.name !== 'raad' && /raad/iu.test(text.slice(a.start, a.end))).pop()?.name;
}

/**
 * Which body a bare "de raad" means in each passage. In a chapter headed "Verslag van de raad van toezicht" it is
 * that body, not the council: the latest heading (a section title, or a short line without a full stop) naming a
 * "raad" body is carried forward until the chapter number changes.
 */
function raadContexts(passages: Passage[], words: MandateWords): Map<string, string> {
  const contexts = new Map<string, string>();
  let current: string | undefined;
  let chapter: string | undefined;
  for (const passage of passages) {
    const top = /^(\d+)[.\s]/u.exec(passage.section[0] ?? '')?.[1];
    if (top !== undefined && top !== chapter) {
      chapter = top;
      current = undefined;
    }
    current = passage.section.map((title) => specificRaad(title, words)).filter(Boolean).pop() ?? current;
    if (current) contexts.set(passage.id, current);
    const headings = passage.text.split('\n').filter((line) => line.trim().split(/\s+/u).length <= HEADING_WORDS && !/[.:]\s*$/u.test(line));
    current = headings.map((line) => specificRaad(line, words)).filter(Boolean).pop() ?? current;
  }
  return contexts;
}

/** The mandate rows of one passage; `bareRaad` is what a bare "de raad" means there. */
export function passageMandates(passage: Passage, words: MandateWords = mandateWords(), bareRaad = 'raad'): MandateRow[] {
  const rows: MandateRow[] = [];
  for (const span of splitSentences(passage.text)) {
    const sentence = passage.text.slice(span.start, span.end);
    for (const { actor, power, object } of sentenceMandates(sentence, words)) {
      const bare = actor.name === 'raad' && /^(?:de\s+)?raad$/iu.test(sentence.slice(actor.start, actor.end));
      rows.push({
        kind: 'mandates',
        documentId: passage.documentId,
        actor: bare ? bareRaad : actor.name,
        power,
        object,
        source: { passageId: passage.id, documentId: passage.documentId, page: passage.page, start: span.start, end: span.end, text: sentence },
      });
    }
  }
  return rows;
}

/** The mandates register rows of a document's passages, in document order. */
export function extractMandates(passages: Passage[], documentId: string): RegisterRow[] {
  const words = mandateWords();
  const own = passages.filter((p) => p.documentId === documentId).sort((a, b) => a.ordinal - b.ordinal);
  const contexts = raadContexts(own, words);
  return own.flatMap((p) => passageMandates(p, words, contexts.get(p.id) ?? 'raad'));
}
