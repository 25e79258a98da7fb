import { describe, expect, it } from 'vitest';
import { anyPhrase, escapeRegExp } from '../../../server/retrieve/word-patterns.js';

describe('word patterns', () => {
  it('makes a word with pattern characters a literal', () => {
    expect(new RegExp(`^${escapeRegExp('ca. (± 3)*')}$`).test('ca. (± 3)*')).toBe(true);
    expect(new RegExp(`^${escapeRegExp('ca.')}$`).test('cax')).toBe(false);
  });

  it('matches any of the phrases, whatever whitespace stands between their words', () => {
    const pattern = new RegExp(`^${anyPhrase(['met ingang van', 'eind'])}$`);
    expect(pattern.test('met  ingang\nvan')).toBe(true);
    expect(pattern.test('eind')).toBe(true);
    expect(pattern.test('metingangvan')).toBe(false);
  });
});
