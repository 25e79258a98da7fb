/**
 * INDEX_DIR=s3://… against a real S3-compatible server: one process ingests, two Grip servers read the same index,
 * and both pick up the revision a third process commits, without a restart.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS } from '../support/grip-server.js';
import { startS3Server, type S3Server } from '../support/s3-server.js';
import { REPO_ROOT, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { askQuestion, listDocuments } from '../support/upload.js';

const FIRST = ['001_9e23d01a41b8f33e.txt', '002_d22ba786302d140d.txt', '003_61411eb285946e64.txt'];
const LATER = '004_27f37c8f34aada63.txt';

/** `npm run ingest -- files…` as its own process, with `env`. */
async function ingest(env: Record<string, string>, files: string[]): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/main.ts', ...files.map((file) => join(DEFAULT_CORPUS, file))], {
    cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`ingest exited with ${code}:\n${output}`);
  return output;
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('an index in object storage', () => {
  let s3: S3Server;
  let env: Record<string, string>;
  let feedback: string;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    s3 = await startS3Server('grip-index');
    env = { ...s3.env, INDEX_DIR: 's3://grip-index/council', CORPUS_DIR: DEFAULT_CORPUS, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' };
    // Feedback stays on local disk, one folder per server.
    feedback = await mkdtemp(join(tmpdir(), 'grip-s3-feedback-'));
    await ingest(env, FIRST);
    for (const name of ['a', 'b']) servers.push(await startServerProcess({ ...env, FEEDBACK_DIR: join(feedback, name) }));
  }, 240_000);
  afterAll(async () => {
    for (const server of servers) await server.kill();
    await s3?.stop();
    await rm(feedback, { recursive: true, force: true });
  });

  it('is served by two servers, each with what the ingest wrote', async () => {
    for (const server of servers) {
      const documents = await listDocuments(server.url);
      expect(documents.map((d) => d.source).sort()).toEqual(FIRST);
      const { status, body } = await askQuestion(server.url, 'Hoeveel klachten ontving WIJ Groningen in 2022?');
      expect(status).toBe(200);
      expect(body.citations[0]?.documentId).toBe('001_9e23d01a41b8f33e');
    }
  });

  it('reaches both servers when a third process commits a change, without a restart', async () => {
    await ingest(env, [LATER]);
    for (const server of servers) {
      await until(async () => (await listDocuments(server.url)).some((d) => d.source === LATER), 'the new document to be served');
      const health = (await (await fetch(`${server.url}/health`)).json()) as { documents: number; passages: number };
      expect(health.documents).toBe(FIRST.length + 1);
    }
  }, 120_000);
});
