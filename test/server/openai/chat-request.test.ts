import { describe, expect, it } from 'vitest';
import { chatQuestion, MAX_HISTORY_TURNS, MAX_TURN_CHARS, parseChatRequest } from '../../../server/openai/chat-request.js';
import { OpenAIRequestError } from '../../../server/openai/openai-errors.js';

function question(messages: unknown[], extra: Record<string, unknown> = {}) {
  return chatQuestion(parseChatRequest({ model: 'grip', messages, ...extra }));
}

function refusal(run: () => unknown): OpenAIRequestError {
  try {
    run();
  } catch (error) {
    if (error instanceof OpenAIRequestError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('chatQuestion', () => {
  it('takes the last user message as the question and earlier user and assistant turns as history, skipping system, tool and empty turns', () => {
    const asked = question([
      { role: 'system', content: 'Wees kort.' },
      { role: 'user', content: 'Eerste vraag' },
      { role: 'assistant', content: null, tool_calls: [{ id: 't', type: 'function', function: { name: 'x', arguments: '{}' } }] },
      { role: 'tool', content: 'resultaat', tool_call_id: 't' },
      { role: 'assistant', content: [{ type: 'text', text: 'Eerste' }, { type: 'text', text: 'antwoord' }] },
      { role: 'user', content: '  Tweede vraag  ' },
    ], { temperature: 0.2, max_tokens: 100, stream_options: { include_usage: true } });
    expect(asked).toEqual({ question: 'Tweede vraag', history: [{ role: 'user', content: 'Eerste vraag' }, { role: 'assistant', content: 'Eerste\nantwoord' }], filters: {} });
  });

  it('keeps the most recent turns and cuts overlong ones, as /api/ask accepts them', () => {
    const turns = Array.from({ length: 60 }, (_v, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `${i} ${'x'.repeat(i === 59 ? MAX_TURN_CHARS + 10 : 1)}` }));
    const asked = question([...turns, { role: 'user', content: 'Vraag' }]);
    expect(asked.history).toHaveLength(MAX_HISTORY_TURNS);
    expect(asked.history?.[0]?.content).toBe('20 x');
    expect(asked.history?.at(-1)?.content).toHaveLength(MAX_TURN_CHARS);
  });

  it('passes Grip filters on as store filters', () => {
    expect(question([{ role: 'user', content: 'Vraag' }], { filters: { docType: ['jaarverslag'], yearFrom: 2020 } }).filters).toEqual({ docTypes: ['jaarverslag'], yearFrom: 2020 });
  });

  it('names the field at fault', () => {
    expect(refusal(() => question([{ role: 'assistant', content: 'Hallo' }])).detail).toEqual({ param: 'messages.0.role' });
    expect(refusal(() => question([{ role: 'user', content: [{ type: 'input_audio', input_audio: {} }] }])).detail).toEqual({ param: 'messages.0.content' });
    expect(refusal(() => question([{ role: 'user', content: 'v'.repeat(2001) }])).detail).toEqual({ param: 'messages.0.content', code: 'context_length_exceeded' });
    expect(refusal(() => question([{ role: 'user', content: 'Vraag' }], { filters: { docType: ['x; DROP'] } })).detail.param).toBe('filters.docType.0');
    expect(refusal(() => parseChatRequest({ model: 'grip', messages: 'hallo' })).detail.param).toBe('messages');
    expect(refusal(() => parseChatRequest({ messages: [] })).detail.param).toBe('model');
  });
});
