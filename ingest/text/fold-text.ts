/**
 * Folding makes spellings that readers treat as the same word compare equal: "Oekraïense" and
 * "Oekraiense", "Ĳssel" and "IJssel", ‘curly’ and 'straight' quotes.
 */

// Typographic quotes arrive from PDFs and word processors; users type straight ones.
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
// Soft hyphens are invisible line-break hints inside words; they must not split or alter a word.
const SOFT_HYPHEN = /\u00AD/g;
const COMBINING_MARKS = /\p{M}/gu;
// ASCII without the backtick, which is folded to an apostrophe.
const ASCII_ONLY = /^[\x00-\x5F\x61-\x7F]*$/;

/**
 * Lower-cases `text`, strips diacritics (ë→e, ï→i, é→e), expands the Dutch ĳ ligature to "ij" and
 * straightens curly quotes. NFKD also expands other compatibility forms (ﬁ→fi, non-breaking space → space),
 * so the result may be longer or shorter than the input: never use it for offsets into the original.
 */
export function foldText(text: string): string {
  // Most words are plain ASCII; normalisation is the expensive part and changes nothing for them.
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text
    .replace(SOFT_HYPHEN, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase();
}
