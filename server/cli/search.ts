/**
 * `npm run search -- "vraag"`: prints the ranked passages with source, page and section.
 */
import { errorMessage } from '../../ingest/index.js';
import { retrieveFor } from '../answer/ask.js';
import { cliArguments, openEngine } from './open-engine.js';

async function main(): Promise<void> {
  const { words, flags, options } = cliArguments();
  const question = words.join(' ').trim();
  if (!question) throw new Error('Gebruik: npm run search -- "vraag" [--k 10] [--json]');
  const { engine } = await openEngine();
  const result = await retrieveFor(engine, { question, k: Number(options.get('k') ?? 10) });
  if (flags.has('json')) {
    console.log(JSON.stringify(result.passages.map((r) => ({ score: r.score, ...r.passage })), null, 2));
    return;
  }
  console.log(`Zoektermen: ${result.analysis.terms.map((t) => t.word).join(', ')}`);
  result.passages.forEach((r, i) => {
    const where = [r.passage.title, r.passage.page ? `p. ${r.passage.pageLabel ?? r.passage.page}` : '', r.passage.section.at(-1) ?? ''].filter(Boolean).join(' · ');
    console.log(`\n${i + 1}. [${r.score.toFixed(3)}] ${where}\n   ${r.passage.text.replace(/\s+/g, ' ').slice(0, 300)}`);
  });
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exitCode = 1;
});
