import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../ingest/clean/clean-document.js';
import { dutchShare } from '../../../ingest/clean/dutch-share.js';
import { loadDutchLexicon } from '../../../ingest/text/dutch-lexicon.js';
import type { LoadedDocument } from '../../../ingest/types.js';

const lexicon = loadDutchLexicon();
const corpus = (name: string) => readFileSync(fileURLToPath(new URL(`../../../data/corpus/${name}`, import.meta.url)), 'utf8');
const english = 'Free culture is about the way the law has changed the relationship between creators and their audience. '.repeat(20);

const loaded = (text: string): LoadedDocument => ({ mediaType: 'text/plain', text, pages: [], pageCount: 0, warnings: [] });

describe('dutchShare', () => {
  it('finds the OCR-damaged Dutch raadsvoorstel Dutch and an English text not', () => {
    expect(dutchShare(corpus('002_d22ba786302d140d.txt'), lexicon)).toBeGreaterThan(0.9);
    expect(dutchShare(english, lexicon)).toBeLessThan(0.5);
  });
});

describe('cleanDocument on a foreign-language text', () => {
  it('leaves word boundaries alone instead of "repairing" foreign words with the Dutch lexicon', () => {
    const text = `${english}\nThe ui tde wi j test stays as the author wrote it.`;
    expect(cleanDocument(loaded(text), lexicon).text).toContain('ui tde wi j');
  });

  it('still repairs them in Dutch text', () => {
    const dutch = `${corpus('003_61411eb285946e64.txt').slice(0, 3000)}\nWij hebben de kaders opgehaald bi] uw raad en ui tde teams.`;
    expect(cleanDocument(loaded(dutch), lexicon).text).toContain('bij uw raad en uit de teams');
  });
});
