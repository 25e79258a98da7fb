/**
 * Making extracted strings safe to store, embed and show: PDFs carry NULs in metadata, U+FFFF for glyphs
 * without a Unicode mapping and stray control characters, none of which may reach an index or an answer.
 */

// C0/C1 controls except \t and \n. \f is removed too: it is reserved as the page separator of a loaded PDF.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Noncharacters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF in every plane), the replacement character U+FFFD that
// stands for a glyph nobody could map, and lone surrogates (the `u` flag leaves valid pairs alone).
const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFD\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}\uD800-\uDFFF]/gu;

/**
 * Removes control characters (except tab and newline), noncharacters, U+FFFD and lone surrogates, turns
 * carriage returns into spaces and normalises to NFC, so "e" + combining acute becomes "é".
 */
export function sanitizeText(text: string): string {
  return text.replace(/\r/g, ' ').replace(CONTROL, '').replace(NONCHARACTER, '').normalize('NFC');
}

/** {@link sanitizeText} for a one-line value such as a page label or title: no line breaks, trimmed. */
export function sanitizeLabel(text: string): string {
  return sanitizeText(text).replace(/\s+/g, ' ').trim();
}
