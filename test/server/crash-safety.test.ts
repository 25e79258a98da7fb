/**
 * SIGKILL in the middle of an upload, through the real entry point: the index a restarted server finds is the
 * one before the upload or the one after it, never a mix; it answers questions; and the lock file the killed
 * process left behind does not block the next write.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS } from '../support/grip-server.js';
import { pdfPath } from '../support/fixtures.js';
import { generatedPdf } from '../support/generated-pdf.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { askQuestion, fileFromDisk, listDocuments, upload, uploadOk, type UploadFile } from '../support/upload.js';

const TOKEN = 'beheer-token-4';
const LOCK_FILE = '.grip-write.lock';
const QUESTION = 'Hoeveel klachten ontving WIJ Groningen in 2022?';

/** What a restarted server must show: the documents with their passage counts, in a stable order. */
async function state(server: ServerProcess): Promise<string[]> {
  return (await listDocuments(server.url)).map((d) => `${d.documentId}:${d.status}:${d.passageCount}`).sort();
}

/**
 * How many writes the index folder shows: generation tables, and versions of each (an incremental commit adds
 * versions to the committed tables instead of writing new ones). It grows as soon as a commit starts writing.
 */
function writesIn(indexDir: string): number {
  const tables = readdirSync(indexDir).filter((name) => /^[a-z-]+_g\d+\.lance$/.test(name));
  const versions = (table: string) => {
    const folder = join(indexDir, table, '_versions');
    return existsSync(folder) ? readdirSync(folder).length : 0;
  };
  return tables.reduce((sum, table) => sum + 1 + versions(table), 0);
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function expectAnswered(server: ServerProcess): Promise<void> {
  const { status, body } = await askQuestion(server.url, QUESTION);
  expect(status).toBe(200);
  expect(body.answer).toContain('82 klachten');
  expect(body.citations[0]?.documentId).toBe('001_9e23d01a41b8f33e');
}

describe('a SIGKILL during an upload', () => {
  let root: string;
  let env: Record<string, string>;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'grip-crash-'));
    env = { INDEX_DIR: join(root, 'index'), CORPUS_DIR: DEFAULT_CORPUS, ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info' };
    server = await startServerProcess(env);
  });
  afterAll(async () => {
    await server?.kill();
    await rm(root, { recursive: true, force: true });
  });

  it('while files are parsed leaves the previous index, and the restarted server answers and takes the stale lock', async () => {
    let running = server as ServerProcess;
    const before = await state(running);
    const files: UploadFile[] = [
      { name: 'lang_verslag_352.pdf', content: generatedPdf({ pages: 352 }) },
      fileFromDisk(pdfPath('hostile/twocolumn_paper.pdf')),
      fileFromDisk(pdfPath('nl/denhelder_besluitenlijst_2015.pdf')),
    ];
    const lock = join(env.INDEX_DIR as string, LOCK_FILE);
    const pending = upload(running.url, TOKEN, files).catch((error: unknown) => error);
    await until(() => existsSync(lock), 'the ingest to take the write lock');
    await running.kill();
    expect(await pending).toBeInstanceOf(Error);
    // The killed process's lock is still there, naming a pid that no longer runs.
    expect(Number(readFileSync(lock, 'utf8'))).toBe(running.child.pid);

    server = running = await startServerProcess(env);
    expect(await state(running)).toEqual(before);
    await expectAnswered(running);
    const after = await uploadOk(running.url, TOKEN, [fileFromDisk(pdfPath('hostile/xref_keyword_missing.pdf'))]);
    expect(after.files[0]).toMatchObject({ status: 'added' });
    expect(existsSync(lock)).toBe(false);
  });

  it('while the change is written leaves the old or the new index, whole, and the next write succeeds', async () => {
    let running = server as ServerProcess;
    const before = await state(running);
    const indexDir = env.INDEX_DIR as string;
    const current = writesIn(indexDir);
    const pending = upload(running.url, TOKEN, [fileFromDisk(pdfPath('hostile/twocolumn_paper.pdf'))]).catch((error: unknown) => error);
    await until(() => writesIn(indexDir) > current, 'the commit to start writing');
    await running.kill();
    await pending;

    server = running = await startServerProcess(env);
    // Either nothing of the upload is visible, or all of it: never documents without their passages or the reverse.
    const restarted = await state(running);
    const added = restarted.filter((line) => !before.includes(line));
    expect(restarted.filter((line) => before.includes(line))).toEqual(before);
    expect(added.length === 0 || (added.length === 1 && /^twocolumn_paper:indexed:[1-9]\d*$/.test(added[0] ?? ''))).toBe(true);
    const health = (await (await fetch(`${running.url}/health`)).json()) as { documents: number; passages: number };
    const listed = await listDocuments(running.url);
    expect(health.documents).toBe(listed.length);
    expect(health.passages).toBe(listed.reduce((sum, d) => sum + d.passageCount, 0));
    await expectAnswered(running);
    const next = await uploadOk(running.url, TOKEN, [fileFromDisk(pdfPath('hostile/rotated_page90.pdf'))]);
    expect(next.files[0]).toMatchObject({ status: 'added' });
    expect((await state(running)).some((line) => line.startsWith('rotated_page90:indexed:'))).toBe(true);
  });
});
