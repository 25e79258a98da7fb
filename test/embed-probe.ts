/**
 * Dev tool, not a test: how well do embedding variants find the evidence of the dev questions?
 * Splits the corpus into ~150-word windows, ranks them by cosine to each question, and reports hit@5,
 * hit@10 and MRR@10 (a window is a hit when it holds ≥ 80% of an evidence quote's words), plus fit time,
 * query time and model size. Run: npx tsx test/embed-probe.ts [variant name filter…]
 *
 * With 17 answerable dev questions one question is 0.06 of hit@k: read differences below ~0.1 as noise.
 * Last run (476 windows): BM25 0.88/0.88 hit@5/@10; shipped LSA 0.94/0.94 (MRR@10 0.84); words-only LSA
 * 0.71/0.76; hashing-4096 TF-IDF 0.88/0.88. Fit on ~1,000 passages ≈ 1.1 s on a busy 2-core machine,
 * query ≈ 0.05 ms, model 4.5 MB.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTerms, foldText } from '../ingest/text/analyze.js';
import { fitLocalModel, embedWithModel } from '../ingest/embed/local/local-model.js';
import type { LocalModelOptions } from '../ingest/embed/local/local-model.js';
import { serializeLocalModel } from '../ingest/embed/local/local-model-codec.js';
import { fitFeatureSpace, weighFeatures } from '../ingest/embed/local/feature-space.js';
import { countFeatures } from '../ingest/embed/local/text-features.js';

const root = new URL('..', import.meta.url).pathname;
const corpusDirectory = join(root, 'data/corpus');
const devSet = join(root, 'test/eval/dev.jsonl');

interface Question { id: string; query: string; quotes: string[] }
interface Window { file: string; text: string; words: Set<string> }
type Ranker = (query: string) => number[];

function plainWords(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

function windows(size: number, stride: number): Window[] {
  const result: Window[] = [];
  for (const file of readdirSync(corpusDirectory).filter((name) => name.endsWith('.txt')).sort()) {
    const words = readFileSync(join(corpusDirectory, file), 'utf8').split(/\s+/).filter(Boolean);
    for (let start = 0; start < words.length; start += stride) {
      const text = words.slice(start, start + size).join(' ');
      result.push({ file, text, words: new Set(plainWords(text)) });
      if (start + size >= words.length) break;
    }
  }
  return result;
}

function questions(): Question[] {
  return readFileSync(devSet, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as {
    id: string; question: string; evidence: { quote: string }[]; context?: { role: string; content: string }[];
  }).filter((item) => item.evidence.length > 0).map((item) => ({
    id: item.id,
    // A follow-up only makes sense with the earlier user turn, as query analysis would supply it.
    query: [...(item.context ?? []).filter((turn) => turn.role === 'user').map((turn) => turn.content), item.question].join(' '),
    quotes: item.evidence.map((evidence) => evidence.quote),
  }));
}

function isHit(window: Window, quote: string): boolean {
  const words = plainWords(quote);
  return words.filter((word) => window.words.has(word)).length >= 0.8 * words.length;
}

function score(name: string, corpus: Window[], ranker: Ranker, extra = ''): void {
  let hit5 = 0, hit10 = 0, reciprocal = 0, quotes = 0, quotesFound = 0;
  const items = questions();
  for (const question of items) {
    const scores = ranker(question.query);
    const top = scores.map((value, index) => [value, index] as const).sort((a, b) => b[0] - a[0]).slice(0, 10).map(([, index]) => index);
    const rank = top.findIndex((index) => question.quotes.some((quote) => isHit(corpus[index]!, quote)));
    if (rank >= 0 && rank < 5) hit5++;
    if (rank >= 0) { hit10++; reciprocal += 1 / (rank + 1); }
    // Every quote, not just the first: an answer often needs two passages.
    quotes += question.quotes.length;
    quotesFound += question.quotes.filter((quote) => top.some((index) => isHit(corpus[index]!, quote))).length;
  }
  const n = items.length;
  console.log(`${name.padEnd(30)} hit@5 ${(hit5 / n).toFixed(2)} hit@10 ${(hit10 / n).toFixed(2)} MRR@10 ${(reciprocal / n).toFixed(2)} quotes@10 ${(quotesFound / quotes).toFixed(2)} ${extra}`);
}

function cosineRanker(vectors: number[][], embed: (text: string) => number[]): Ranker {
  return (query) => {
    const q = embed(query);
    return vectors.map((vector) => vector.reduce((sum, value, i) => sum + value * q[i]!, 0));
  };
}

function bm25Ranker(corpus: Window[]): Ranker {
  const documents = corpus.map((window) => analyzeTerms(window.text));
  const frequency = new Map<string, number>();
  for (const terms of documents) for (const term of new Set(terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const averageLength = documents.reduce((sum, terms) => sum + terms.length, 0) / documents.length;
  return (query) => documents.map((terms) => {
    let total = 0;
    for (const term of new Set(analyzeTerms(query))) {
      const tf = terms.filter((t) => t === term).length;
      const df = frequency.get(term) ?? 0;
      const idf = Math.log(1 + (documents.length - df + 0.5) / (df + 0.5));
      total += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + 0.75 * terms.length / averageLength));
    }
    return total;
  });
}

function hashingEmbedder(corpus: Window[], dimensions: number, useIdf: boolean): (text: string) => number[] {
  const options = { ngramMin: 3, ngramMax: 5, numbers: false };
  const space = fitFeatureSpace(corpus.map((window) => countFeatures(window.text, options)), { minDocumentFrequency: 1, maxDocumentShare: 1, maxFeatures: Infinity, wordShare: 0.5 });
  const ids = [...space.vocabulary.keys()];
  if (!useIdf) space.idf.fill(1);
  return (text) => {
    const vector = new Array<number>(dimensions).fill(0);
    const { columns, values } = weighFeatures(space, countFeatures(text, options));
    columns.forEach((column, i) => {
      const hash = fnv(String(ids[column]!));
      vector[hash % dimensions]! += (hash & 0x80000000 ? -1 : 1) * values[i]!;
    });
    const norm = Math.hypot(...vector) || 1;
    return vector.map((value) => value / norm);
  };
}

function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function fused(...rankers: Ranker[]): Ranker {
  return (query) => {
    const total = new Map<number, number>();
    for (const ranker of rankers) {
      const scores = ranker(query);
      scores.map((value, index) => [value, index] as const).sort((a, b) => b[0] - a[0])
        .forEach(([, index], rank) => total.set(index, (total.get(index) ?? 0) + 1 / (60 + rank)));
    }
    return Array.from({ length: total.size }, (_, index) => total.get(index) ?? 0);
  };
}

function lsa(corpus: Window[], options: LocalModelOptions): { ranker: Ranker; extra: string; embed: (text: string) => number[] } {
  const started = performance.now();
  const model = fitLocalModel(corpus.map((window) => window.text), options);
  const fitMs = performance.now() - started;
  const embed = (text: string): number[] => embedWithModel(model, text);
  const vectors = corpus.map((window) => embed(window.text));
  const extra = `(d=${model.dimensions}, F=${model.space.idf.length}, fit ${fitMs.toFixed(0)} ms)`;
  return { ranker: cosineRanker(vectors, embed), extra, embed };
}

function fitTime(options: LocalModelOptions, texts: string[]): string {
  const started = performance.now();
  const model = fitLocalModel(texts, options);
  const fitMs = performance.now() - started;
  const queries = questions().map((question) => question.query);
  const queryStarted = performance.now();
  for (let round = 0; round < 20; round++) for (const query of queries) embedWithModel(model, query);
  const queryMs = (performance.now() - queryStarted) / (20 * queries.length);
  const megabytes = serializeLocalModel(model).length / 1e6;
  return `[${texts.length} passages: fit ${fitMs.toFixed(0)} ms, query ${queryMs.toFixed(2)} ms, ${megabytes.toFixed(1)} MB, d=${model.dimensions}]`;
}

// Each variant changes one setting of the shipped default (3–4-grams, words 0.3 of the norm, features in
// ≤ 20% of passages, no power iteration, d ≤ 256).
const VARIANTS: [string, LocalModelOptions][] = [
  ['LSA default', {}],
  ['LSA 3-5g', { ngramMax: 5 }],
  ['LSA 4g', { ngramMin: 4, ngramMax: 4 }],
  ['LSA words only', { wordShare: 1 }],
  ['LSA words 0.5', { wordShare: 0.5 }],
  ['LSA n-grams only', { wordShare: 0 }],
  ['LSA share≤0.5', { maxDocumentShare: 0.5 }],
  ['LSA share≤0.1', { maxDocumentShare: 0.1 }],
  ['LSA 1 power iteration', { powerIterations: 1 }],
  ['LSA d≤128', { dimensions: 128 }],
  ['LSA d≤64', { dimensions: 64 }],
  ['LSA minDf 1', { minDocumentFrequency: 1 }],
  ['LSA σ^0.5', { singularValuePower: 0.5 }],
  ['LSA + numbers', { numbers: true }],
];

function concatenated(parts: [number, (text: string) => number[]][]): (text: string) => number[] {
  return (text) => parts.flatMap(([weight, embed]) => embed(text).map((value) => value * Math.sqrt(weight)));
}

function main(): void {
  const corpus = windows(150, 100);
  const timingTexts = windows(150, 47).map((window) => window.text);
  console.log(`${corpus.length} windows of 150 words (stride 100), ${questions().length} answerable questions\n`);
  const bm25 = bm25Ranker(corpus);
  score('BM25 on stemmed terms', corpus, bm25);
  for (const [name, dimensions, useIdf] of [['hashing 512, tf', 512, false], ['hashing 512, tf-idf', 512, true], ['hashing 4096, tf-idf', 4096, true]] as const) {
    const embed = hashingEmbedder(corpus, dimensions, useIdf);
    const ranker = cosineRanker(corpus.map((window) => embed(window.text)), embed);
    score(name, corpus, ranker);
    score('  + BM25 (RRF)', corpus, fused(bm25, ranker));
  }
  const only = process.argv.slice(2);
  const hashing = hashingEmbedder(corpus, 1024, true);
  for (const weight of [0.5, 0.7]) {
    const combined = concatenated([[weight, lsa(corpus, {}).embed], [1 - weight, hashing]]);
    const ranker = cosineRanker(corpus.map((window) => combined(window.text)), combined);
    score(`LSA ${weight} ⊕ hashing-1024 ${(1 - weight).toFixed(1)}`, corpus, ranker);
    score('  + BM25 (RRF)', corpus, fused(bm25, ranker));
  }
  for (const [name, options] of VARIANTS.filter(([name]) => only.length === 0 || only.some((word) => name.includes(word)))) {
    const { ranker, extra } = lsa(corpus, options);
    score(name, corpus, ranker, `${extra} ${fitTime(options, timingTexts)}`);
    score('  + BM25 (RRF)', corpus, fused(bm25, ranker));
  }
}

main();
