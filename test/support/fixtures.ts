/**
 * Where the tests find their inputs: PDFs in test/fixtures/pdfs, the corpus in data/corpus — all in the
 * repository, so a fresh clone tests with nothing beside it. The shared set (`../shared`) holds a few more,
 * large PDFs; tests that add them when they are there say so in their names and pass without them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in test/support/). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The test PDFs in the repository: `nl/` and `hostile/`, with MANIFEST.md. */
export const fixturePdfDir = path.join(repoRoot, 'test', 'fixtures', 'pdfs');

/** The default corpus (data/corpus), the same five documents the shared set has. */
export const corpusDir = path.join(repoRoot, 'data', 'corpus');

/** The shared test PDFs next to the repository, which may be absent. */
export const sharedPdfDir = path.resolve(repoRoot, '..', 'shared', 'pdfs');

/** True when ../shared/pdfs is there. */
export const hasSharedPdfs = existsSync(path.join(sharedPdfDir, 'nl'));

const FOLDERS = ['nl', 'hostile'] as const;

function pdfNames(root: string): string[] {
  return FOLDERS.flatMap((folder) => {
    const directory = path.join(root, folder);
    if (!existsSync(directory)) return [];
    return readdirSync(directory)
      .filter((name) => name.endsWith('.pdf'))
      .sort()
      .map((name) => `${folder}/${name}`);
  });
}

/** The repository's test PDFs as `folder/name.pdf`. */
export const fixturePdfs: readonly string[] = pdfNames(fixturePdfDir);

/** The shared PDFs that are not in the repository (the large ones); empty without ../shared. */
export const sharedOnlyPdfs: readonly string[] = hasSharedPdfs ? pdfNames(sharedPdfDir).filter((name) => !fixturePdfs.includes(name)) : [];

/** Every test PDF this run has: the fixtures, plus the shared-only ones when ../shared is there. */
export const availablePdfs: readonly string[] = [...fixturePdfs, ...sharedOnlyPdfs];

/** The path of a test PDF by `folder/name.pdf`, from the fixtures or else ../shared. */
export function pdfPath(name: string): string {
  const fixture = path.join(fixturePdfDir, name);
  if (existsSync(fixture)) return fixture;
  const shared = path.join(sharedPdfDir, name);
  if (existsSync(shared)) return shared;
  throw new Error(`Test PDF ${name} is neither in test/fixtures/pdfs nor in ../shared/pdfs.`);
}

/** The bytes of a test PDF by `folder/name.pdf`: `pdfBytes('nl/emmen_toezeggingen_scan.pdf')`. */
export function pdfBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(pdfPath(name)));
}

/** The bytes of a default-corpus file: `corpusBytes('004_27f37c8f34aada63.txt')`. */
export function corpusBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(corpusDir, file)));
}

/** The cases of a table that are for files this run has: the fixtures' always, the shared-only ones when present. */
export function casesForAvailable<Case extends { file: string }>(cases: readonly Case[]): Case[] {
  return cases.filter((entry) => availablePdfs.includes(entry.file));
}
