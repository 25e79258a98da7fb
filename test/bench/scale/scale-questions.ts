/**
 * Questions for the scale benchmark, made from the generated corpus itself (never from the evaluation sets):
 * content words of sentences picked with a fixed seed, asked the way a user might ask about them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const FORMS = ['Wat staat er over {}?', 'Wat weten we over {}?', 'Hoe zit het met {}?', 'Wat is er besloten over {}?'];

/** A small deterministic generator (mulberry32), so every run asks the same questions. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` questions about sentences of the corpus files in `folder`. */
export async function scaleQuestions(folder: string, count: number): Promise<string[]> {
  const random = seeded(20261203);
  const files = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort();
  const questions: string[] = [];
  while (questions.length < count) {
    const text = await readFile(join(folder, files[Math.floor(random() * files.length)] as string), 'utf8');
    const sentences = text.split(/(?<=[.?!])\s+/).filter((sentence) => sentence.length > 60 && sentence.length < 400);
    const sentence = sentences[Math.floor(random() * sentences.length)];
    const words = sentence?.match(/\p{L}{6,}/gu)?.slice(0, 3);
    if (!words || words.length < 2) continue;
    questions.push((FORMS[questions.length % FORMS.length] as string).replace('{}', words.join(' ').toLowerCase()));
  }
  return questions;
}
