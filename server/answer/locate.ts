/**
 * "Waar staat dit?": finding the passages that contain a pasted quote word for word. Matching ignores case,
 * accents, whitespace and punctuation, so a quote copied from a PDF with its line breaks, hyphenation or curly
 * quotes still matches the clean passage text — and a match reports the exact span in the passage's own text,
 * so the reader can mark it. Pure functions of the passages; the route adds retrieval for near matches.
 */
import type { Passage } from '../../ingest/index.js';

/** A text reduced to its letters and digits, with where each kept character came from. */
export interface MatchText {
  /** Lower-case letters and digits without accents. */
  chars: string;
  /** For each character of `chars`: offset of its source character in the original text. */
  starts: number[];
  /** For each character of `chars`: offset just past its source character. */
  ends: number[];
}

/** A span of a passage's `text`. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A passage that holds (part of) the located text. */
export interface ExactMatch {
  passage: Passage;
  /** Where the text stands in `passage.text`, in order. */
  spans: TextSpan[];
  /** True when the whole text stands in this passage; false when it runs on into a neighbouring passage. */
  complete: boolean;
}

/** Fewer kept characters than this match too much to mean anything ("de", "2022"). */
export const MIN_MATCH_CHARS = 6;

/** At most this many passages are reported, so a common phrase cannot flood the answer. */
export const MAX_MATCHES = 50;

const KEPT = /[\p{L}\p{N}]/u;

/** Folds a text for matching: see {@link MatchText}. "Ĳ" becomes "ij", "ﬁ" becomes "fi", "é" becomes "e". */
export function matchText(text: string): MatchText {
  let chars = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const symbol of text) {
    const end = offset + symbol.length;
    // NFKD splits ligatures and accented letters; the marks it separates are not letters, so they drop out.
    for (const char of symbol.normalize('NFKD').toLowerCase()) {
      if (!KEPT.test(char)) continue;
      chars += char;
      starts.push(offset);
      ends.push(end);
    }
    offset = end;
  }
  return { chars, starts, ends };
}

interface Folded {
  passage: Passage;
  folded: MatchText;
  /** Offset of this passage's first folded character in its document's concatenation. */
  offset: number;
}

/** Passages grouped by document in reading order, each document folded into one string. */
interface FoldedDocument {
  chars: string;
  parts: Folded[];
}

function foldDocuments(passages: Passage[]): FoldedDocument[] {
  const byDocument = new Map<string, Passage[]>();
  for (const passage of passages) byDocument.set(passage.documentId, [...(byDocument.get(passage.documentId) ?? []), passage]);
  return [...byDocument.values()].map((group) => {
    let chars = '';
    const parts = [...group]
      .sort((a, b) => a.ordinal - b.ordinal)
      .map((passage) => {
        const folded = matchText(passage.text);
        const part = { passage, folded, offset: chars.length };
        chars += folded.chars;
        return part;
      });
    return { chars, parts };
  });
}

/** The passages an occurrence [from, to) of the document's concatenation touches, with the span in each. */
function spansOf(document: FoldedDocument, from: number, to: number): { part: Folded; span: TextSpan; complete: boolean }[] {
  const touched = document.parts.filter((part) => part.offset < to && part.offset + part.folded.chars.length > from);
  return touched.map((part) => {
    const first = Math.max(from, part.offset) - part.offset;
    const last = Math.min(to, part.offset + part.folded.chars.length) - part.offset - 1;
    return { part, span: { start: part.folded.starts[first] as number, end: part.folded.ends[last] as number }, complete: touched.length === 1 };
  });
}

/** A locator over one set of passages; folding happens once, when it is built. */
export interface Locator {
  /** The passages that contain `text` (complete matches first), at most {@link MAX_MATCHES}. */
  locate(text: string): ExactMatch[];
}

/** Builds a locator. Passages of one document are searched as one run, so a quote may cross a passage boundary. */
export function createLocator(passages: Passage[]): Locator {
  const documents = foldDocuments(passages);
  return {
    locate(text) {
      const query = matchText(text).chars;
      if (query.length < MIN_MATCH_CHARS) return [];
      const matches = new Map<string, ExactMatch>();
      for (const document of documents) {
        for (let at = document.chars.indexOf(query); at >= 0; at = document.chars.indexOf(query, at + query.length)) {
          for (const { part, span, complete } of spansOf(document, at, at + query.length)) {
            const match = matches.get(part.passage.id) ?? { passage: part.passage, spans: [], complete: false };
            match.spans.push(span);
            match.complete ||= complete;
            matches.set(part.passage.id, match);
          }
        }
      }
      // Stable sort keeps reading order within the complete and the partial matches.
      return [...matches.values()].sort((a, b) => Number(b.complete) - Number(a.complete)).slice(0, MAX_MATCHES);
    },
  };
}

/**
 * The share of the text's distinct content words (stemmed, as search sees them) that a passage contains: how much
 * of a claim a near match supports, shown next to passages that do not contain it word for word.
 */
export function wordCoverage(textTerms: string[], passageTerms: ReadonlySet<string>): number {
  const wanted = new Set(textTerms);
  if (wanted.size === 0) return 0;
  let found = 0;
  for (const term of wanted) if (passageTerms.has(term)) found += 1;
  return Number((found / wanted.size).toFixed(2));
}
