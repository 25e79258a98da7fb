/**
 * `npm run ask -- "vraag"`: prints the answer with numbered sources; `--json` prints the /api/ask body. With CHAT_BASE_URL
 * and CHAT_MODEL set the answer is generated and checked as the server does; `--extractive` skips generation.
 */
import { errorMessage } from '../../ingest/index.js';
import { ask } from '../answer/ask.js';
import { createAnswerer } from '../answer/generate/create-answerer.js';
import { sourceLine } from '../answer/source-line.js';
import { createLogger } from '../log.js';
import { cliArguments, openEngine } from './open-engine.js';

async function main(): Promise<void> {
  const { words, flags } = cliArguments();
  const question = words.join(' ').trim();
  if (!question) throw new Error('Gebruik: npm run ask -- "vraag" [--json] [--extractive]');
  const { engine, settings } = await openEngine();
  const answerer = flags.has('extractive') ? undefined : createAnswerer(settings, createLogger(settings.LOG_LEVEL));
  const response = await ask(engine, { question }, answerer);
  if (flags.has('json')) {
    console.log(JSON.stringify(response, null, 2));
    return;
  }
  console.log(response.answer);
  if (response.citations.length > 0) console.log(`\nBronnen:\n${response.citations.map(sourceLine).join('\n')}`);
  else console.log(`\nMogelijk relevant:\n${response.passages.slice(0, 3).map((p, i) => `${i + 1}. ${p.title}${p.section ? `, § ${p.section.split(' › ').at(-1)}` : ''}`).join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exitCode = 1;
});
