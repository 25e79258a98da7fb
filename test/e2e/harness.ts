/**
 * Shared set-up of the browser tests: a real Grip server on 127.0.0.1 (temp corpus and index), headless Chromium
 * through playwright-core, and small helpers that speak the UI's and the API's language. Each test file gets one
 * server and one browser; pages are cheap and every test opens its own.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page, type Response } from 'playwright-core';
import type { Citation } from '../../server/answer/types.js';
import { startGripServer, type GripServer, type GripServerOptions } from '../support/grip-server.js';

/** Where screenshots go (gitignored). */
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A server and a browser for one test file. */
export interface E2e {
  server: GripServer;
  browser: Browser;
  /** A fresh page on the app; console errors and CSP violations are collected in `problems`. */
  open(path?: string, options?: BrowserContextOptions): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

/** Starts the server (with extra corpus files and settings such as READ_TOKEN) and Chromium. */
export async function startE2e(extraFiles: string[] = [], env: Record<string, string> = {}, options: Pick<GripServerOptions, 'prepareIndex'> = {}): Promise<E2e> {
  await mkdir(ARTIFACTS, { recursive: true });
  const [server, browser] = await Promise.all([
    startGripServer({ extraFiles, env, ...options }),
    chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS }),
  ]);
  return {
    server,
    browser,
    async open(path = '/', options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      // CSP violations (an inline style, an eval) are reported as DOM events; surface them as problems too.
      await page.exposeFunction('reportViolation', (text: string) => problems.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as { reportViolation(text: string): void }).reportViolation(`CSP ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      // Tests that drive the app's own modules import them in the page through this (a literal import() inside an
      // evaluated function would be rewritten by the test runner's transform).
      await page.addInitScript({ content: 'window.gripImport = (path) => import(path);' });
      await page.goto(`${server.url}${path}`);
      return { page, problems };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The events of a /api/chat response, parsed from its SSE body: names and ASCII-safe structure. */
export async function chatEvents(response: Response): Promise<{ event: string; data: unknown }[]> {
  // Only the event structure is read from here (see citationsOf about the body's encoding).
  const body = (await response.body()).toString('latin1');
  return body
    .split(/\n\n/)
    .map((block) => ({ event: /^event: (.*)$/m.exec(block)?.[1] ?? '', data: /^data: (.*)$/m.exec(block)?.[1] }))
    .filter((e): e is { event: string; data: string } => e.data !== undefined)
    .map((e) => ({ event: e.event, data: JSON.parse(e.data) as unknown }));
}

/**
 * The citations of the answer a chat request got. Chromium hands event-stream bodies to the test decoded as
 * Windows-1252, so the same request is sent to /api/ask instead (with the same access code, if any): the server
 * answers a request deterministically.
 */
export async function citationsOf(baseUrl: string, response: Response): Promise<Citation[]> {
  const authorization = (await response.request().allHeaders())['authorization'];
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) };
  const answer = await fetch(`${baseUrl}/api/ask`, { method: 'POST', headers, body: response.request().postData() ?? '{}' });
  return ((await answer.json()) as { citations: Citation[] }).citations;
}

/** Sends a question by typing it and pressing Enter; resolves with the /api/chat response once the turn is done. */
export async function ask(page: Page, question: string): Promise<Response> {
  const turns = await page.locator('.turn').count();
  const responded = page.waitForResponse((r) => r.url().endsWith('/api/chat'));
  await page.getByLabel(/Uw vraag|Your question/).fill(question);
  await page.getByLabel(/Uw vraag|Your question/).press('Enter');
  const response = await responded;
  await finished(page, turns + 1);
  return response;
}

/** Waits until the conversation has `count` turns and the last one is no longer streaming. */
export async function finished(page: Page, count: number): Promise<void> {
  await page.locator('.turn').nth(count - 1).locator('article.answer:not([data-status="streaming"])').waitFor({ timeout: 30_000 });
}

/** Imports one of the app's modules in the page (see `open`); call it inside `page.evaluate`. */
export type PageImport = (path: string) => Promise<Record<string, (...args: never[]) => unknown>>;

/** Collapses whitespace, for comparing text across line breaks. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
