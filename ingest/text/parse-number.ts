/**
 * Reading numbers the way Dutch council documents write them: "3.464.044" (thousands dots),
 * "0,19" (decimal comma), "1.298.866,50". English forms ("4,470,460", "1,234.5") are read too, so an
 * English question and a Dutch document agree on the same amount.
 */

/** A number literal read into a canonical form. */
export interface ParsedNumber {
  /**
   * Canonical digits with "." as decimal point and no grouping ("3464044", "0.19"), or the literal itself
   * when it is not a quantity ("3.3.4" section numbers, "31.12.2022" dates, "050" codes with a leading zero).
   */
  normal: string;
  /** The numeric value, or null when the literal is not a quantity. */
  value: number | null;
}

const GROUPED_BY_DOT = /^\d{1,3}(?:\.\d{3})+$/;
const GROUPED_BY_COMMA = /^\d{1,3}(?:,\d{3})+$/;

/**
 * Reads a literal of digits separated by "." and "," (as matched by the tokenizer) into a canonical form.
 *
 * A single dot followed by exactly three digits is a Dutch thousands separator ("1.633" = 1633); a single
 * comma is a Dutch decimal comma ("1,633" = 1.633). When both occur, the last one is the decimal separator.
 */
export function parseNumber(literal: string): ParsedNumber {
  const lastDot = literal.lastIndexOf('.');
  const lastComma = literal.lastIndexOf(',');
  if (lastDot < 0 && lastComma < 0) return plainDigits(literal);
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    const integer = literal.slice(0, decimalAt);
    const grouped = lastComma > lastDot ? GROUPED_BY_DOT : GROUPED_BY_COMMA;
    if (!grouped.test(integer) || !/^\d+$/.test(literal.slice(decimalAt + 1))) return notAQuantity(literal);
    return canonical(integer.replace(/[.,]/g, ''), literal.slice(decimalAt + 1));
  }
  const separator = lastDot >= 0 ? '.' : ',';
  const parts = literal.split(separator);
  if (parts.length > 2) {
    const grouped = separator === '.' ? GROUPED_BY_DOT : GROUPED_BY_COMMA;
    return grouped.test(literal) ? canonical(parts.join(''), '') : notAQuantity(literal);
  }
  const [integer = '', fraction = ''] = parts;
  if (separator === '.' && fraction.length === 3 && integer.length <= 3 && !integer.startsWith('0')) {
    return canonical(integer + fraction, '');
  }
  return canonical(integer, fraction);
}

function plainDigits(literal: string): ParsedNumber {
  // "050" (an area code) and "0031" are identifiers, not the quantities 50 and 31.
  if (literal.length > 1 && literal.startsWith('0')) return notAQuantity(literal);
  return { normal: literal, value: Number(literal) };
}

function canonical(integerDigits: string, fractionDigits: string): ParsedNumber {
  const integer = integerDigits.replace(/^0+(?=\d)/, '');
  const fraction = fractionDigits.replace(/0+$/, '');
  const normal = fraction === '' ? integer : `${integer}.${fraction}`;
  return { normal, value: Number(normal) };
}

function notAQuantity(literal: string): ParsedNumber {
  return { normal: literal, value: null };
}
