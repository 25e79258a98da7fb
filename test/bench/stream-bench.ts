/**
 * Time to the first streamed chunk, /v1/chat/completions against /api/chat, through a real server on 127.0.0.1:
 * every question of the development and extra sets through both in turn, so load on the machine touches both
 * alike. Two moments per request: the first event of any kind (the /v1 stream opens with the assistant's role
 * before the answer is looked up; /api/chat opens with its `meta` event once it is), and the first chunk that
 * carries answer text — the comparison the target is measured on, as that is when a reader sees something.
 */
import { readFileSync } from 'node:fs';
import { parseQuestions, type EvalQuestion } from '../eval/questions.js';
import { startGripServer } from '../support/grip-server.js';
import { median, percentile } from './measure.js';
import { QUESTION_FILES, type Latency } from './search-bench.js';

/** The two streams measured. */
export const STREAM_WAYS = ['apiChat', 'openAI'] as const;
export type StreamWay = (typeof STREAM_WAYS)[number];

/** Milliseconds from sending the request to each moment. */
interface Moments {
  firstEvent: number;
  firstText: number;
}

/** Latencies per way and moment, and the ratios of /v1 over /api/chat. */
export interface StreamBench {
  questions: number;
  repetitions: number;
  latency: Record<StreamWay, Record<keyof Moments, Latency>>;
  /** /v1 p50 ÷ /api/chat p50, per moment; `firstText` is the target's. */
  openAIOverChat: Record<keyof Moments, number>;
}

/** Reads a response body, noting when the text read so far first satisfies each test. */
async function moments(response: Response, start: number, isEvent: (text: string) => boolean, isText: (text: string) => boolean): Promise<Moments> {
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  const decoder = new TextDecoder();
  let text = '';
  let firstEvent = Number.NaN;
  let firstText = Number.NaN;
  const reader = response.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    text += decoder.decode(next.value, { stream: true });
    const now = performance.now() - start;
    if (Number.isNaN(firstEvent) && isEvent(text)) firstEvent = now;
    if (Number.isNaN(firstText) && isText(text)) firstText = now;
  }
  return { firstEvent, firstText };
}

const CHAT_TEXT = /event: delta\r?\ndata: \{"text":"./;
const OPENAI_TEXT = /"delta":\{"content":"[^"]/;

function ways(url: string): Record<StreamWay, (q: EvalQuestion) => Promise<Moments>> {
  const post = (path: string, body: unknown) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    apiChat: async (q) => {
      const start = performance.now();
      return moments(await post('/api/chat', { question: q.question, history: q.context ?? [] }), start, (text) => text.includes('\n\n'), (text) => CHAT_TEXT.test(text));
    },
    openAI: async (q) => {
      const start = performance.now();
      const messages = [...(q.context ?? []), { role: 'user', content: q.question }];
      return moments(await post('/v1/chat/completions', { model: 'grip', stream: true, messages }), start, (text) => text.includes('\n\n'), (text) => OPENAI_TEXT.test(text));
    },
  };
}

function latency(samples: number[]): Latency {
  return { p50: median(samples), p95: percentile(samples, 0.95), samples: samples.length };
}

/** Runs every question through both streams once untimed, then `repetitions` timed rounds. */
export async function benchStreams(repetitions: number): Promise<StreamBench> {
  const questions = QUESTION_FILES.flatMap((file) => parseQuestions(readFileSync(file, 'utf8')));
  const server = await startGripServer();
  try {
    const run = ways(server.url);
    const samples = { apiChat: { firstEvent: [] as number[], firstText: [] as number[] }, openAI: { firstEvent: [] as number[], firstText: [] as number[] } };
    for (let round = 0; round <= repetitions; round++) {
      for (const question of questions) {
        for (const way of STREAM_WAYS) {
          const measured = await run[way](question);
          if (round === 0) continue;
          samples[way].firstEvent.push(measured.firstEvent);
          // A refusal streams its text too; a question without any text chunk would be NaN and is left out.
          if (!Number.isNaN(measured.firstText)) samples[way].firstText.push(measured.firstText);
        }
      }
    }
    const of = (way: StreamWay) => ({ firstEvent: latency(samples[way].firstEvent), firstText: latency(samples[way].firstText) });
    const result = { apiChat: of('apiChat'), openAI: of('openAI') };
    return {
      questions: questions.length,
      repetitions,
      latency: result,
      openAIOverChat: {
        firstEvent: result.openAI.firstEvent.p50 / result.apiChat.firstEvent.p50,
        firstText: result.openAI.firstText.p50 / result.apiChat.firstText.p50,
      },
    };
  } finally {
    await server.close();
  }
}
