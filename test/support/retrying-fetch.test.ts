import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { freePort } from './server-process.js';
import { retryingFetch } from './retrying-fetch.js';

describe('retryingFetch', () => {
  it('waits through refused connections until a server listens, then returns its answer', async () => {
    const port = await freePort();
    const server = createServer((_request, response) => response.end('klaar'));
    const pending = retryingFetch(`http://127.0.0.1:${port}/`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      const response = await pending;
      expect(await response.text()).toBe('klaar');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('throws a failure that is not the connection at once, without retrying', async () => {
    await expect(retryingFetch('http://127.0.0.1:1/', { method: 'GET', headers: { 'x-bad': 'a\nb' } })).rejects.toThrow();
  });
});
