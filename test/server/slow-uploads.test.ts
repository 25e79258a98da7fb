/**
 * Slow clients on 127.0.0.1 that trickle an upload body (100 bytes at a time) cannot hold the upload slots:
 * a body that arrives slower than UPLOAD_MIN_BYTES_PER_SECOND, or not within UPLOAD_BODY_TIMEOUT_MS, is refused
 * with 408 and its slot freed, so other uploads keep working.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGripServer, type GripServer } from '../support/grip-server.js';
import { upload, uploadForm, uploadOk } from '../support/upload.js';

const TOKEN = 'beheer-token-w2';

/** A raw upload that sends its headers, then `bytes` bytes every `everyMs`; resolves with what the server said. */
interface SlowClient {
  socket: Socket;
  /** Everything the server sent, once it closed the connection. */
  closed: Promise<string>;
}

function slowClient(server: GripServer, bytes: number, everyMs: number): Promise<SlowClient> {
  const head = [
    'POST /api/documents HTTP/1.1', 'Host: grip', `Authorization: Bearer ${TOKEN}`,
    'Content-Type: multipart/form-data; boundary=grens', 'Content-Length: 100000', '', '--grens\r\n',
  ].join('\r\n');
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    let received = '';
    const closed = new Promise<string>((done) => {
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      socket.on('close', () => done(received));
    });
    socket.on('error', () => undefined);
    const trickle = setInterval(() => socket.writable && socket.write('a'.repeat(bytes)), everyMs);
    socket.on('close', () => clearInterval(trickle));
    socket.write(head, () => resolve({ socket, closed }));
  });
}

async function fifthUpload(server: GripServer): Promise<Response> {
  return upload(server.url, TOKEN, [{ name: 'snel.txt', content: 'Een korte notitie over de gemeentelijke fietsenstalling.' }]);
}

describe('uploads slower than the minimum rate', () => {
  let server: GripServer;
  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: TOKEN, UPLOAD_MIN_BYTES_PER_SECOND: '2000' } });
  });
  afterAll(() => server.close());

  it('are refused with 408 once below the rate, and then the other uploads go through again', async () => {
    const clients = await Promise.all(Array.from({ length: 4 }, () => slowClient(server, 100, 500)));
    try {
      let refused = await fifthUpload(server);
      for (let tries = 0; refused.status !== 429 && tries < 50; tries++) refused = await fifthUpload(server);
      expect(refused.status).toBe(429);
      const answers = await Promise.all(clients.map((client) => client.closed));
      for (const answer of answers) {
        expect(answer).toMatch(/^HTTP\/1\.1 408 /);
        expect(answer).toContain('"code":"request_timeout"');
        expect(answer).toMatch(/te langzaam/);
      }
      const next = await uploadOk(server.url, TOKEN, [{ name: 'daarna.txt', content: 'De fietsenstalling aan de Oosterstraat telt 400 plaatsen.' }]);
      expect(next.files[0]).toMatchObject({ status: 'added' });
    } finally {
      for (const client of clients) client.socket.destroy();
    }
  });

  it('leaves an upload at a normal pace alone', async () => {
    const response = await server.app.request('/api/documents', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: uploadForm([{ name: 'gewoon.txt', content: 'Het college besluit de subsidie voor de bibliotheek te verlengen.' }]) });
    expect(response.status).toBe(200);
  });
});

describe('uploads that take longer than the body deadline', () => {
  let server: GripServer;
  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: TOKEN, UPLOAD_MIN_BYTES_PER_SECOND: '0', UPLOAD_BODY_TIMEOUT_MS: '2000' } });
  });
  afterAll(() => server.close());

  it('are refused with 408 naming the deadline, however steadily they trickle', async () => {
    const client = await slowClient(server, 100, 200);
    try {
      const answer = await client.closed;
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toContain('"code":"request_timeout"');
      expect(answer).toContain('2 seconden');
    } finally {
      client.socket.destroy();
    }
  });
});
