/**
 * Reading a Server-Sent Events body: the `data:` payload of each event, in order. Comments (": ping") and other
 * fields (event, id, retry) carry nothing a chat completion needs.
 */

/** Yields the data of each event of `body`; multi-line data is joined with "\n" as the SSE spec says. */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let done = false;
  try {
    while (!done) {
      const next = await reader.read();
      done = next.done;
      buffer += next.done ? decoder.decode() : decoder.decode(next.value, { stream: true });
      const lines = buffer.split(/\r\n|\r|\n/);
      // Without more input the last line is complete; otherwise it may continue in the next chunk.
      buffer = done ? '' : (lines.pop() ?? '');
      for (const line of [...lines, ...(done ? [''] : [])]) {
        if (line === '') {
          if (data.length > 0) yield data.join('\n');
          data = [];
        } else if (line.startsWith('data:')) {
          data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
        }
      }
    }
  } finally {
    // A consumer that stops early (or a failure) must not leave the connection open.
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
