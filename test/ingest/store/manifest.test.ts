import { describe, expect, it } from 'vitest';
import { CHUNKING } from '../../../ingest/chunk/chunk-settings.js';
import { AppError, isAppError } from '../../../ingest/errors.js';
import { assertCompatible } from '../../../ingest/store/manifest.js';
import type { IndexSettings } from '../../../ingest/types.js';

const built: IndexSettings = { embedder: { kind: 'local', model: 'lsa-32-abc123', dimensions: 32 }, chunking: CHUNKING };

function refusal(expected: Parameters<typeof assertCompatible>[1]): AppError {
  try {
    assertCompatible(built, expected);
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('The manifest was accepted.');
}

describe('assertCompatible', () => {
  it('accepts an index built with the configured embedder kind and chunking', () => {
    expect(() => assertCompatible(built, { embedder: { kind: 'local' }, chunking: CHUNKING })).not.toThrow();
    // A local model is refitted on the index, so its fingerprint is not compared.
    expect(() => assertCompatible(built, { embedder: { kind: 'local' }, chunking: { ...CHUNKING } })).not.toThrow();
  });

  it('refuses an index built with another embedder, telling to re-ingest', () => {
    const error = refusal({ embedder: { kind: 'openai', model: 'text-embedding-3-small' }, chunking: CHUNKING });
    expect(error.code).toBe('index_mismatch');
    expect(error.message).toContain('"local" in plaats van "openai"');
    expect(error.message).toContain('npm run ingest');
  });

  it('refuses an index built with another remote embedding model', () => {
    const remote: IndexSettings = { ...built, embedder: { kind: 'openai', model: 'text-embedding-3-small', dimensions: 1536 } };
    expect(() => assertCompatible(remote, { embedder: { kind: 'openai', model: 'text-embedding-3-small' }, chunking: CHUNKING })).not.toThrow();
    try {
      assertCompatible(remote, { embedder: { kind: 'openai', model: 'bge-m3' }, chunking: CHUNKING });
      expect.unreachable('A different model was accepted.');
    } catch (error) {
      expect(isAppError(error, 'index_mismatch')).toBe(true);
      expect((error as Error).message).toContain('"text-embedding-3-small" in plaats van "bge-m3"');
    }
  });

  it('refuses an index chunked with another version or limits', () => {
    for (const chunking of [{ ...CHUNKING, version: CHUNKING.version + 1 }, { ...CHUNKING, maxWords: 300 }, { ...CHUNKING, maxChars: 1000 }]) {
      const error = refusal({ embedder: { kind: 'local' }, chunking });
      expect(error.code).toBe('index_mismatch');
      expect(error.message).toContain('opdelen in passages');
      expect(error.message).toContain('Bouw de index opnieuw met "npm run ingest"');
    }
  });
});
