/**
 * Scale corpora from the real documents: copies of each source, round-robin until the passages add up to the
 * size asked for, each copy varied so no two are alike for full-text search or the embedder — its own reference
 * line, its small figures shifted, and its paragraphs rotated — while the language stays the documents' own.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceText } from './sources.js';

/** A generated corpus folder. */
export interface ScaleCorpus {
  folder: string;
  files: number;
  /** Passages the chunker makes of the sources copied (the copies' variations move it by a few). */
  passages: number;
  /** A mid-sized document of the corpus, to delete. */
  sampleDocumentId: string;
}

/** The copy's figures: every number of up to three digits (and dotted thousands) moved by a copy-specific step. */
function shiftFigures(text: string, copy: number): string {
  const step = (copy % 9) + 1;
  return text.replace(/(?<![\d.,])\d{1,3}(?:\.\d{3})*(?![\d,]|\.\d)/g, (figure) => {
    const value = Number(figure.replace(/\./g, '')) + step;
    return figure.includes('.') ? value.toLocaleString('nl-NL') : String(value);
  });
}

/** The paragraphs after the first (the title stays on top) rotated by the copy number. */
function rotateParagraphs(text: string, copy: number): string {
  const paragraphs = text.split(/\n{2,}/);
  if (paragraphs.length < 4) return text;
  const [head, ...rest] = paragraphs;
  const shift = copy % rest.length;
  return [head, ...rest.slice(shift), ...rest.slice(0, shift)].join('\n\n');
}

/** One varied copy of a source. */
export function variantText(source: SourceText, copy: number): string {
  const varied = copy === 0 ? source.text : rotateParagraphs(shiftFigures(source.text, copy), copy);
  return `${varied}\n\nKenmerk ${source.name}/${String(copy).padStart(5, '0')}. Dit exemplaar is versie ${copy + 1} van dit stuk.\n`;
}

/** Writes copies of the sources into `folder` until they hold at least `passages` passages. */
export async function generateCorpus(sources: readonly SourceText[], passages: number, folder: string): Promise<ScaleCorpus> {
  await mkdir(folder, { recursive: true });
  let total = 0;
  let files = 0;
  let sample = '';
  for (let copy = 0; total < passages; copy++) {
    for (const source of sources) {
      if (total >= passages) break;
      const name = `${source.name}-${String(copy).padStart(5, '0')}`;
      await writeFile(join(folder, `${name}.txt`), variantText(source, copy));
      total += source.passages;
      files++;
      if (!sample && source.passages >= 10 && source.passages <= 80) sample = name;
    }
  }
  return { folder, files, passages: total, sampleDocumentId: sample.toLowerCase() };
}

/** A short new document, about the size of a letter someone uploads. */
export const SMALL_DOCUMENT = [
  '# Brief over de openingstijden van het wijkcentrum',
  'Het college meldt de raad dat het wijkcentrum in De Hoogte vanaf volgende maand ook op zaterdagochtend open is.',
  'Bewoners vroegen daar om tijdens de bewonersavond; de extra uren worden betaald uit het bestaande budget voor wijkvoorzieningen.',
  'Na een half jaar volgt een evaluatie van het gebruik.',
].join('\n\n');
