import { describe, expect, it } from 'vitest';
import type { RawTextItem } from '../../../ingest/load/pdf-items.js';
import { layoutPageText } from '../../../ingest/load/pdf-page-text.js';

const PAGE_HEIGHT = 800;
/** The viewport transform of an unrotated page: flip y so it grows downwards. */
const UPRIGHT = [1, 0, 0, -1, 0, PAGE_HEIGHT];
/** Roughly Helvetica: half an em per character. */
const item = (str: string, x: number, top: number, size = 10): RawTextItem => ({
  str,
  transform: [size, 0, 0, size, x, PAGE_HEIGHT - top],
  width: str.length * size * 0.5,
});

const WORDS = 'de raad besluit over het voorstel van het college';
const columnLine = (column: string, index: number) => `${column}${index} ${WORDS}`;

function twoColumns(top: number, rows: number): RawTextItem[] {
  const items: RawTextItem[] = [];
  for (let i = 0; i < rows; i++) {
    items.push(item(columnLine('links', i), 50, top + 12 * i), item(columnLine('rechts', i), 350, top + 12 * i));
  }
  return items;
}

describe('layoutPageText', () => {
  it('reads two columns one after the other, each top to bottom', () => {
    const { text } = layoutPageText(twoColumns(100, 6), UPRIGHT);
    const lines = text.split('\n');
    expect(lines.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5].map((i) => columnLine('links', i)));
    expect(lines.slice(6)).toEqual([0, 1, 2, 3, 4, 5].map((i) => columnLine('rechts', i)));
  });

  it('keeps a title that spans the gutter above both columns, and a full-width line between column bands', () => {
    const title = 'Een titel die over beide kolommen heen loopt en de goot overspant';
    const middle = 'Een brede regel halverwege de pagina die ook over de goot heen loopt';
    const items = [item(title, 50, 60), ...twoColumns(100, 4), item(middle, 50, 160), ...twoColumns(190, 4)];
    const lines = layoutPageText(items, UPRIGHT).text.split('\n').filter((line) => line !== '');
    expect(lines[0]).toBe(title);
    expect(lines.slice(1, 5).every((line) => line.startsWith('links'))).toBe(true);
    expect(lines.slice(5, 9).every((line) => line.startsWith('rechts'))).toBe(true);
    expect(lines[9]).toBe(middle);
    expect(lines.slice(10, 14).every((line) => line.startsWith('links'))).toBe(true);
  });

  it('does not split a table into columns: each row stays one line, cells separated by tabs', () => {
    const labels = ['Voorziening organisatie', 'Voorziening verlofsparen', 'Totaal'];
    const items = labels.flatMap((label, row) => [
      item(label, 50, 100 + 14 * row),
      item(String(370 + row), 300, 100 + 14 * row),
      item(`-${157 + row}`, 400, 100 + 14 * row),
    ]);
    expect(layoutPageText(items, UPRIGHT).text).toBe(
      'Voorziening organisatie\t370\t-157\nVoorziening verlofsparen\t371\t-158\nTotaal\t372\t-159',
    );
  });

  it('puts a superscript on its line and spaces words by their gaps', () => {
    const items = [item('Andreas Gal', 50, 100), item('*', 105, 96, 7), item('en', 125, 100)];
    expect(layoutPageText(items, UPRIGHT).text).toBe('Andreas Gal* en');
  });

  it('inserts an empty line at a paragraph gap and around a heading in a larger font', () => {
    const items = [
      item('1.3 Achtergrond', 50, 80, 16),
      item('eerste regel', 50, 110),
      item('tweede regel', 50, 122),
      item('nieuwe alinea', 50, 146),
      item('laatste regel', 50, 158),
    ];
    expect(layoutPageText(items, UPRIGHT).text).toBe(
      '1.3 Achtergrond\n\neerste regel\ntweede regel\n\nnieuwe alinea\nlaatste regel',
    );
  });

  it('reads a page with /Rotate 90 through its viewport as upright text', () => {
    // Viewport of a 600 × 800 page rotated 90° clockwise: device x = y, device y = x.
    const rotated = [0, 1, 1, 0, 0, 0];
    const items: RawTextItem[] = [
      { str: 'eerste regel', transform: [0, -10, 10, 0, 700, 50], width: 60 },
      { str: 'tweede regel', transform: [0, -10, 10, 0, 688, 50], width: 60 },
    ];
    const page = layoutPageText(items, rotated);
    expect(page.text).toBe('eerste regel\ntweede regel');
  });

  it('follows the horizontal text with text set at another angle, such as a margin note', () => {
    const items = [item('gewone tekst', 50, 100), { str: 'CONCEPT', transform: [0, 30, -30, 0, 500, 300], width: 120 }];
    expect(layoutPageText(items, UPRIGHT).text).toBe('gewone tekst\n\nCONCEPT');
  });

  it('takes the largest line as a title candidate only when it is clearly larger than the body', () => {
    const body = [item('gewone tekst op de pagina', 50, 130), item('nog meer tekst op de pagina', 50, 142)];
    expect(layoutPageText([item('Jaarstukken 2023', 50, 90, 20), ...body], UPRIGHT).title).toBe('Jaarstukken 2023');
    expect(layoutPageText(body, UPRIGHT).title).toBeUndefined();
  });
});
