/**
 * Ingest has one public face, ingest/index.ts: the server imports that and nothing behind it, so ingest's
 * insides can move without the server noticing, and the server never reaches around the contract.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INGEST = join(ROOT, 'ingest');
const PUBLIC_FACE = join(INGEST, 'index.js');

/** Every module specifier of a source text: static imports and re-exports, dynamic imports, workers' URLs. */
function specifiers(source: string): string[] {
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\bimport\s+['"]([^'"]+)['"]/g, /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1] as string));
}

/** The specifiers of `file` that resolve into ingest/ other than through its public face. */
function deepIngestImports(file: string, source: string): string[] {
  return specifiers(source).filter((specifier) => {
    if (!specifier.startsWith('.')) return false;
    const target = resolve(dirname(file), specifier).replace(/\.ts$/, '.js');
    const inIngest = !relative(INGEST, target).startsWith('..');
    return inIngest && target !== PUBLIC_FACE && target !== INGEST;
  });
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs|js)$/.test(entry.name) ? [path] : [];
  });
}

describe('the public face of ingest', () => {
  it('flags a deep import into ingest and lets the public face and other modules through', () => {
    const file = join(ROOT, 'server', 'retrieve', 'example.ts');
    const source = [
      "import { tokenize } from '../../ingest/text/analyze.js';",
      "import type { Passage } from '../../ingest/index.js';",
      "import { rerank } from './rerank.js';",
      "const store = await import('../../ingest/store/lance-store.js');",
      "export { AppError } from '../../ingest/errors.js';",
    ].join('\n');
    expect(deepIngestImports(file, source)).toEqual(['../../ingest/text/analyze.js', '../../ingest/errors.js', '../../ingest/store/lance-store.js']);
  });

  it('is the only way the server reaches ingest', () => {
    const files = sourceFiles(join(ROOT, 'server'));
    expect(files.length).toBeGreaterThan(50);
    const violations = files.flatMap((file) => deepIngestImports(file, readFileSync(file, 'utf8')).map((specifier) => `${relative(ROOT, file)} imports ${specifier}`));
    expect(violations).toEqual([]);
    const throughFace = files.filter((file) => specifiers(readFileSync(file, 'utf8')).some((specifier) => specifier.endsWith('ingest/index.js')));
    expect(throughFace.length).toBeGreaterThan(10);
  });

  it('is not imported by ingest itself, so the face stays a face and not a hub', () => {
    const inward = sourceFiles(INGEST).filter((file) => file !== join(INGEST, 'index.ts') && specifiers(readFileSync(file, 'utf8')).some((specifier) => resolve(dirname(file), specifier) === PUBLIC_FACE));
    expect(inward).toEqual([]);
  });
});
