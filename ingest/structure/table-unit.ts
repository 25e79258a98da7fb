/**
 * What a table's figures are in, as the table says it: "x € 1.000" or "Bedragen x € 1" in its caption or header,
 * "(* miljoen euro)", "fte"; otherwise what the cells themselves carry ("€", "%").
 */

const STATED: RegExp[] = [
  /(?:bedragen\s+)?(?:x|×|in)\s*€\s*1(?:\.000)*(?![\d.,])/i,
  /(?:bedragen\s+)?(?:x|×|in)\s*(?:€\s*)?(?:miljoen|mln\.?|duizend|dzd\.?)(?:\s*euro)?/i,
  /\(\s*\*?\s*(?:€\s*)?(?:miljoen|mln\.?|duizend)\s*(?:euro)?\s*\)/i,
  /bedragen\s+in\s+(?:euro|€)/i,
  /\(\s*(?:in|x)\s*€\s*\)/i,
  /€\s*['’]000\b/,
  /\bin\s+fte\b(?!['’])/i,
];

/** The unit a caption or header line states, as printed, or null. */
export function statedUnit(text: string): string | null {
  for (const pattern of STATED) {
    const match = pattern.exec(text);
    if (match) return match[0].trim();
  }
  return null;
}

/** "fte" when a header names it as a column word. */
export function headerUnit(header: string): string | null {
  return /(?:^|\s)fte(?:\s|$)/i.test(header) ? 'fte' : null;
}

/** "€" when most cells carry a euro sign, "%" when most carry a percent sign, else null. */
export function cellUnit(cells: string[]): string | null {
  if (cells.length === 0) return null;
  const share = (sign: string) => cells.filter((cell) => cell.includes(sign)).length / cells.length;
  if (share('€') > 0.5) return '€';
  return share('%') > 0.5 ? '%' : null;
}
