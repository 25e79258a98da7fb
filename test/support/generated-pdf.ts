/**
 * Text PDFs written by the tests themselves, for the properties a large real file was only a carrier of: a
 * page count above a limit, a parse long enough to outlast a time budget, a drawing-sized page. Deterministic,
 * so every run reads the same document.
 */

/** The shape of a generated PDF. */
export interface GeneratedPdfOptions {
  pages: number;
  /** Lines of text per page. */
  linesPerPage?: number;
  /** Page size in points; A4 unless given. */
  width?: number;
  height?: number;
  /** The first line of page 1 (a title), so a test can find the document by its text. */
  title?: string;
}

const WORDS = (
  'de gemeente raad besluit het college wethouder begroting jeugd zorg wijk inwoners van een voor met over ' +
  'onderzoek verslag commissie bijlage artikel financien plan uitvoering beleid toezegging jaar kosten budget'
).split(' ');

/** A deterministic line of words: the same page and line always give the same text. */
function line(page: number, row: number): string {
  let seed = (page * 7_919 + row * 104_729) % 2_147_483_647 || 1;
  const words: string[] = [];
  for (let index = 0; index < 14; index++) {
    seed = (seed * 48_271) % 2_147_483_647;
    words.push(WORDS[seed % WORDS.length] as string);
  }
  return `${page}.${row} ${words.join(' ')}`;
}

function contentStream(page: number, options: Required<GeneratedPdfOptions>): string {
  const rows = Array.from({ length: options.linesPerPage }, (_, row) => (page === 1 && row === 0 ? options.title : line(page, row)));
  const body = rows.map((text) => `(${text.replace(/[\\()]/g, (char) => `\\${char}`)}) Tj 0 -14 Td`).join('\n');
  return `BT /F1 10 Tf 40 ${options.height - 50} Td\n${body}\nET`;
}

/** The bytes of a plain text PDF with one Helvetica text line per row, `pages` pages long. */
export function generatedPdf(options: GeneratedPdfOptions): Uint8Array {
  const settings: Required<GeneratedPdfOptions> = { linesPerPage: 50, width: 595, height: 842, title: 'Generated test document', ...options };
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${settings.pages} /Kids [${Array.from({ length: settings.pages }, (_, index) => `${4 + index * 2} 0 R`).join(' ')}] >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  for (let page = 1; page <= settings.pages; page++) {
    const stream = contentStream(page, settings);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${settings.width} ${settings.height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + (page - 1) * 2} 0 R >>`);
    objects.push(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  }
  return serialise(objects);
}

/** Objects numbered from 1, with a cross-reference table whose offsets are exact. */
function serialise(objects: string[]): Uint8Array {
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = Buffer.byteLength(pdf, 'latin1');
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
