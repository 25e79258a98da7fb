import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ProcessedFiles } from '../../../ingest/pipeline/processed-files.js';
import { corpusDocument } from '../corpus-passages.js';
import { storedDocument } from '../store/corpus-generation.js';

const file = (number: '000' | '002' | '003') => {
  const document = corpusDocument(number);
  return { document: storedDocument(document), passages: document.passages };
};

const spillFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('grip-ingest-'));

describe('ProcessedFiles', () => {
  it('keeps files in memory up to its passage budget, spills the rest, and gives all back in order', () => {
    const before = new Set(spillFolders());
    const files = new ProcessedFiles(30);
    files.set('a', file('000')).set('b', file('002')).set('c', file('003'));
    const spilled = spillFolders().filter((name) => !before.has(name));
    expect(spilled).toHaveLength(1);
    expect([...files.keys()]).toEqual(['a', 'b', 'c']);
    expect(files.size).toBe(3);
    expect(files.passageCount()).toBe(file('000').passages.length + file('002').passages.length + file('003').passages.length);
    expect(files.records().map((record) => record.documentId)).toEqual([file('000'), file('002'), file('003')].map((f) => f.document.record.documentId));
    // Read back from disk, a spilled file is the file that was set (JSON keeps every field of the contract types).
    expect([...files.files()]).toEqual([file('000'), file('002'), file('003')]);
    files.dispose();
    expect(existsSync(`${tmpdir()}/${spilled[0]}`)).toBe(false);
  });
});
