/**
 * Reading Server-Sent Events from a fetch response body. EventSource cannot POST a question, so /api/chat is
 * read with fetch and parsed here, following the SSE format: events end at a blank line, `event:` names them,
 * `data:` lines join with newlines, lines starting with ":" are comments.
 */

/** @typedef {{ event: string, data: string }} ServerSentEvent */

const EVENT_END = /\r\n\r\n|\n\n|\r\r/;

/**
 * Parses one raw event block, or returns null when it carries no data.
 * @param {string} block
 * @returns {ServerSentEvent | null}
 */
export function parseEventBlock(block) {
  let event = 'message';
  const data = [];
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { event, data: data.join('\n') } : null;
}

/**
 * Yields the events of a stream as they arrive.
 * @param {ReadableStream<Uint8Array>} body
 * @returns {AsyncGenerator<ServerSentEvent>}
 */
export async function* readServerSentEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      for (let match = EVENT_END.exec(buffer); match; match = EVENT_END.exec(buffer)) {
        const event = parseEventBlock(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
        if (event) yield event;
      }
    }
    const last = parseEventBlock(buffer);
    if (last) yield last;
  } finally {
    reader.releaseLock();
  }
}
