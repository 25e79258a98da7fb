/**
 * Facts about a rendered page image (binary PGM, as `pdftoppm -gray` writes it): its size, and whether it has
 * any ink at all, so a blank page never costs an OCR run. Pure.
 */

/** The header of a binary greyscale PGM ("P5"). */
export interface PgmHeader {
  width: number;
  height: number;
  maxValue: number;
  /** Offset of the first pixel byte. */
  dataOffset: number;
}

const HEADER = /^P5\s+(?:#[^\n]*\s+)*(\d+)\s+(?:#[^\n]*\s+)*(\d+)\s+(?:#[^\n]*\s+)*(\d+)\s/;

/** Parses a binary PGM header with 8-bit samples, or undefined for anything else. */
export function parsePgmHeader(image: Uint8Array): PgmHeader | undefined {
  const head = new TextDecoder('latin1').decode(image.subarray(0, 512));
  const match = HEADER.exec(head);
  if (!match) return undefined;
  const [width, height, maxValue] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (maxValue < 1 || maxValue > 255) return undefined;
  const dataOffset = match[0].length;
  if (image.length < dataOffset + width * height) return undefined;
  return { width, height, maxValue, dataOffset };
}

/** Every how many pixels {@link inkShare} samples one: enough for a page of text, and 40 times less work. */
const SAMPLE_STEP = 41;

/** The share of (sampled) pixels darker than mid-grey; 0 for an image that is not an 8-bit PGM. */
export function inkShare(image: Uint8Array): number {
  const header = parsePgmHeader(image);
  if (!header) return 0;
  const threshold = header.maxValue / 2;
  const end = header.dataOffset + header.width * header.height;
  let dark = 0;
  let sampled = 0;
  for (let i = header.dataOffset; i < end; i += SAMPLE_STEP) {
    sampled++;
    if ((image[i] ?? 255) < threshold) dark++;
  }
  return sampled === 0 ? 0 : dark / sampled;
}

/** Below this share of dark pixels a page is blank (or a speck of dust): a line of text is well above it. */
export const BLANK_PAGE_INK = 0.0005;
