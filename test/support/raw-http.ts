/**
 * HTTP/1.1 over a bare socket, for requests no well-behaved client would send: a Content-Length with no body
 * behind it, broken request lines, invalid bytes. Reads the response until it is complete (by its
 * Content-Length or chunked terminator) or the server closes the connection.
 */
import { connect } from 'node:net';

/** What came back: the status (0 when the server closed without answering) and the raw response text. */
export interface RawResponse {
  status: number;
  text: string;
}

/** True when `text` holds a whole response: headers plus the body they announce. */
function complete(text: string, isHead: boolean): boolean {
  const headerEnd = text.indexOf('\r\n\r\n');
  if (headerEnd < 0) return false;
  const headers = text.slice(0, headerEnd);
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headers)?.[1] ?? 0);
  if (isHead || status === 204 || status === 304 || (status >= 100 && status < 200)) return true;
  const body = text.slice(headerEnd + 4);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(headers)?.[1];
  if (length !== undefined) return body.length >= Number(length);
  if (/\r\ntransfer-encoding:\s*chunked/i.test(headers)) return /(^|\r\n)0\r\n\r\n$/.test(body);
  return false;
}

/**
 * Sends `head` (request line and headers, "\r\n"-separated, without the blank line; one byte per character)
 * and `body`, and resolves with the response. `Connection: close` is added so the server ends the exchange.
 */
export function rawRequest(port: number, head: string, body: Uint8Array | string = '', timeoutMs = 15_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const isHead = head.startsWith('HEAD ');
    let text = '';
    let done = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no response within ${timeoutMs} ms to ${head.split('\r\n')[0]?.slice(0, 80)}`));
    }, timeoutMs);
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text });
    };
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (complete(text, isHead)) finish();
    });
    socket.on('close', finish);
    // A reset after the server answered early (e.g. 413 before the body was sent) is not a failure.
    socket.on('error', () => undefined);
    // Latin-1: one byte per character, so a test can put any byte into a request line or header.
    socket.write(Buffer.from(`${head}\r\nConnection: close\r\n\r\n`, 'latin1'));
    if (body.length > 0) socket.write(body);
  });
}
