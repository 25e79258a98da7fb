/**
 * `npm run bench:load [-- --seconds N] [--clients N] [--total N] [--json]`: the real server (server/main.ts as a
 * child process on 127.0.0.1, a temp index of data/corpus, rate limits off) under /api/ask from 20 concurrent
 * clients for 30 s, over the development questions in rotation. Reports throughput, latency percentiles and
 * errors of the timed run, then keeps going until 10,000 requests in all and reports the server's memory
 * (VmRSS and peak VmHWM from /proc, no debugger needed) before and after.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQuestions } from '../eval/questions.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { machineLoad, percentile } from './measure.js';

const CORPUS = fileURLToPath(new URL('../../data/corpus/', import.meta.url));
const QUESTIONS = fileURLToPath(new URL('../eval/dev.jsonl', import.meta.url));

interface Options {
  seconds: number;
  clients: number;
  total: number;
  json: boolean;
}

function options(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const at = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
    const raw = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
    const number = Number(raw ?? fallback);
    return Number.isFinite(number) && number > 0 ? number : fallback;
  };
  return { seconds: value('seconds', 30), clients: Math.round(value('clients', 20)), total: Math.round(value('total', 10_000)), json: argv.includes('--json') };
}

/** Memory of the server process from /proc, in MB. */
function memory(server: ServerProcess): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

interface Phase {
  requests: number;
  errors: number;
  latencies: number[];
  ms: number;
}

/** `clients` loops asking questions in rotation until `stop()` says so. */
async function drive(url: string, questions: string[], clients: number, stop: (sent: number, started: number) => boolean): Promise<Phase> {
  const phase: Phase = { requests: 0, errors: 0, latencies: [], ms: 0 };
  const started = performance.now();
  let next = 0;
  const client = async () => {
    while (!stop(phase.requests, started)) {
      const question = questions[next++ % questions.length] as string;
      phase.requests++;
      const sent = performance.now();
      try {
        const response = await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
        await response.arrayBuffer();
        if (response.status !== 200) phase.errors++;
      } catch {
        phase.errors++;
      }
      phase.latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  phase.ms = performance.now() - started;
  return phase;
}

function summary(phase: Phase) {
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    requests: phase.requests,
    errors: phase.errors,
    seconds: round(phase.ms / 1000),
    throughput: round(phase.requests / (phase.ms / 1000)),
    p50: round(percentile(phase.latencies, 0.5)),
    p95: round(percentile(phase.latencies, 0.95)),
    p99: round(percentile(phase.latencies, 0.99)),
  };
}

async function main(): Promise<void> {
  const settings = options(process.argv.slice(2));
  const say = (line: string) => (settings.json ? process.stderr : process.stdout).write(`${line}\n`);
  const questions = parseQuestions(readFileSync(QUESTIONS, 'utf8')).map((q) => q.question);
  const root = await mkdtemp(join(tmpdir(), 'grip-load-'));
  say(`… server (index of ${CORPUS})`);
  const server = await startServerProcess({ INDEX_DIR: join(root, 'index'), CORPUS_DIR: CORPUS, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn' });
  try {
    const idle = memory(server);
    const loadBefore = machineLoad();
    say(`… ${settings.clients} clients for ${settings.seconds} s over ${questions.length} questions`);
    const timed = await drive(server.url, questions, settings.clients, (_, started) => performance.now() - started >= settings.seconds * 1000);
    const afterTimed = memory(server);
    const rest = Math.max(0, settings.total - timed.requests);
    say(`… ${rest} more requests, to ${settings.total} in all`);
    const extra = await drive(server.url, questions, settings.clients, (sent) => sent >= rest);
    const result = {
      node: process.version,
      machine: { before: loadBefore, after: machineLoad() },
      clients: settings.clients,
      questions: questions.length,
      timed: summary(timed),
      rest: summary(extra),
      memory: { idle, afterTimed, afterAll: memory(server), totalRequests: timed.requests + extra.requests },
    };
    if (settings.json) console.log(JSON.stringify(result, null, 2));
    else {
      const t = result.timed;
      console.log(`/api/ask, ${settings.clients} clients, ${t.seconds} s: ${t.requests} requests, ${t.throughput} req/s, ${t.errors} errors`);
      console.log(`latency ms: p50 ${t.p50} · p95 ${t.p95} · p99 ${t.p99}`);
      console.log(`then ${result.rest.requests} more: ${result.rest.throughput} req/s, p95 ${result.rest.p95} ms, ${result.rest.errors} errors`);
      const m = result.memory;
      console.log(`server RSS MB: idle ${m.idle.rssMb} · after timed run ${m.afterTimed.rssMb} · after ${m.totalRequests} requests ${m.afterAll.rssMb} (peak ${m.afterAll.peakRssMb})`);
      console.log(`machine load ${result.machine.before.load[0].toFixed(1)} → ${result.machine.after.load[0].toFixed(1)} on ${result.machine.before.cores} cores`);
    }
  } finally {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
