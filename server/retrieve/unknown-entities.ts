/**
 * Names the corpus has never seen. A question about "Amsterdam" or "het WK" cannot be answered from documents
 * that never mention them, however well its other words match; a capitalised word the vocabulary lacks is a
 * strong sign the question is off the documents' subject.
 */
import { foldText, tokenize } from '../../ingest/index.js';

/** Capitalised words of a question that the corpus never uses, as written. */
export function unknownNames(question: string, knows: (foldedWord: string) => boolean): string[] {
  const tokens = tokenize(question);
  const names: string[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'word' || !/^\p{Lu}/u.test(token.text) || token.text.length < 2) return;
    // The first word of a sentence is capitalised anyway.
    const before = question.slice(0, token.start).trimEnd();
    if (index === 0 || /[.?!:]$/.test(before)) return;
    const word = token.text.replace(/['’]s$/, '');
    if (knows(foldText(word))) return;
    // In "WIJ-vestigingen" only the capitalised part is a name; the rest is an ordinary word.
    const capitalised = word.split(/[-'’]/).filter((part) => /^\p{Lu}/u.test(part));
    if (!capitalised.every((part) => knows(foldText(part)))) names.push(token.text);
  });
  return names;
}
