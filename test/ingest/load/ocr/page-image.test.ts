import { describe, expect, it } from 'vitest';
import { BLANK_PAGE_INK, inkShare, parsePgmHeader } from '../../../../ingest/load/ocr/page-image.js';
import { ocrPageText } from '../../../../ingest/load/ocr/recognise-page.js';
import { MAX_PAGE_PIXELS, renderDpi } from '../../../../ingest/load/ocr/render-page.js';

/** A binary PGM of `width` × `height` with `dark` pixels black and the rest white. */
function pgm(width: number, height: number, dark: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n# made by a test\n${width} ${height}\n255\n`);
  const pixels = new Uint8Array(width * height).fill(255).fill(0, 0, dark);
  const image = new Uint8Array(header.length + pixels.length);
  image.set(header);
  image.set(pixels, header.length);
  return image;
}

describe('page images', () => {
  it('reads a binary PGM header, comments included, and refuses other images or cut-off ones', () => {
    expect(parsePgmHeader(pgm(20, 10, 0))).toMatchObject({ width: 20, height: 10, maxValue: 255 });
    expect(parsePgmHeader(new TextEncoder().encode('P6\n20 10\n255\n'))).toBeUndefined();
    expect(parsePgmHeader(pgm(20, 10, 0).subarray(0, 100))).toBeUndefined();
  });

  it('tells a blank page from one with ink', () => {
    expect(inkShare(pgm(1000, 1000, 0))).toBe(0);
    expect(inkShare(pgm(1000, 1000, 500_000))).toBeCloseTo(0.5, 1);
    expect(inkShare(pgm(1000, 1000, 20_000))).toBeGreaterThan(BLANK_PAGE_INK);
    expect(inkShare(new Uint8Array(12))).toBe(0);
  });

  it('renders A4 at 300 dpi and a map-sized page at a resolution within the pixel cap', () => {
    expect(renderDpi(595 * 842)).toBe(300);
    const a0 = 2384 * 3370;
    const dpi = renderDpi(a0);
    expect(dpi).toBeLessThan(300);
    expect((2384 / 72) * dpi * ((3370 / 72) * dpi)).toBeLessThanOrEqual(MAX_PAGE_PIXELS);
  });
});

describe('ocrPageText', () => {
  it('drops the form feed Tesseract ends a page with, trailing spaces and runs of blank lines', () => {
    expect(ocrPageText('Geachte raad,  \r\n\n\n\nDe brief.\n\n\f')).toBe('Geachte raad,\n\nDe brief.');
  });
});
