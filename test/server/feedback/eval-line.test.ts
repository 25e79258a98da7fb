import { describe, expect, it } from 'vitest';
import { plainAnswer, toEvalJsonl, toEvalLine } from '../../../server/feedback/eval-line.js';
import type { FeedbackRecord } from '../../../server/feedback/feedback-schema.js';

const LONG_QUOTE = Array.from({ length: 40 }, (_, i) => `woord${i}`).join(' ');

function record(overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    createdAt: '2026-03-04T10:00:00.000Z',
    rating: 'up',
    reasons: [],
    comment: '',
    question: 'Hoeveel plaatsen heeft de stalling?',
    history: [],
    language: 'nl',
    status: 'answered',
    answer: '**1.234 plaatsen** [1]\n\n“In 2024 telde de stalling 1.234 plaatsen.” [1]',
    passageIds: ['doc:a', 'doc:b'],
    citations: [{ n: 1, passageId: 'doc:a', documentId: 'doc', source: 'stalling.md', quote: 'In 2024 telde de stalling 1.234 plaatsen.' }],
    ...overrides,
  };
}

describe('toEvalLine', () => {
  it('keeps a 👍 answer without markers or emphasis as the gold answer, and its citations as evidence', () => {
    const line = toEvalLine(record());
    expect(line).toMatchObject({
      id: 'feedback-2026-03-04-0f8fad5b',
      question: 'Hoeveel plaatsen heeft de stalling?',
      lang: 'nl',
      type: 'fact',
      answer: '1.234 plaatsen “In 2024 telde de stalling 1.234 plaatsen.”',
      evidence: [{ file: 'stalling.md', quote: 'In 2024 telde de stalling 1.234 plaatsen.' }],
    });
    expect(line.context).toBeUndefined();
  });

  it('maps answer types to eval types, a follow-up to followup and an approved refusal to unanswerable', () => {
    expect(toEvalLine(record({ answerType: 'amount' })).type).toBe('budget');
    expect(toEvalLine(record({ answerType: 'percentage' })).type).toBe('number');
    expect(toEvalLine(record({ answerType: 'who_decides' })).type).toBe('mandate');
    expect(toEvalLine(record({ answerType: 'something_new' })).type).toBe('fact');
    const history = [{ role: 'user' as const, content: 'Eerst dit?' }, { role: 'assistant' as const, content: 'Dat [1]' }];
    expect(toEvalLine(record({ history, answerType: 'amount' }))).toMatchObject({ type: 'followup', context: history });
    expect(toEvalLine(record({ status: 'not_found', language: 'en' }))).toMatchObject({ type: 'unanswerable', answer: 'This is not in the documents.', evidence: [] });
  });

  it('leaves a 👎 answer and evidence empty for the griffie, with what Grip said and why in the notes', () => {
    const line = toEvalLine(record({ rating: 'down', reasons: ['wrong_amount', 'missing_document'], comment: 'Het zijn er 2.000.' }));
    expect(line.answer).toBe('');
    expect(line.evidence).toEqual([]);
    expect(line.notes).toContain('👎 (fout bedrag, mist document)');
    expect(line.notes).toContain('Opmerking: Het zijn er 2.000.');
    expect(line.notes).toContain('Grip antwoordde (answered): 1.234 plaatsen');
    expect(line.notes).toContain('doc:a, doc:b');
    expect(toEvalLine(record({ rating: 'down', reasons: ['should_refuse'] }))).toMatchObject({ type: 'unanswerable', answer: 'Dit staat niet in de documenten.' });
  });

  it('cuts evidence to its first 30 words, still a verbatim span of the quote', () => {
    const [evidence] = toEvalLine(record({ citations: [{ n: 1, passageId: 'doc:a', documentId: 'doc', source: 'stalling.md', quote: LONG_QUOTE }] })).evidence;
    expect(evidence?.quote.split(' ')).toHaveLength(30);
    expect(LONG_QUOTE.startsWith(evidence?.quote ?? '-')).toBe(true);
  });
});

describe('toEvalJsonl', () => {
  it('writes one JSON object per line, ending in a newline', () => {
    const text = toEvalJsonl([record(), record({ id: '1f8fad5b-d9cb-469f-a165-70867728950e' })]);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n').map((line) => JSON.parse(line).id)).toEqual(['feedback-2026-03-04-0f8fad5b', 'feedback-2026-03-04-1f8fad5b']);
    expect(toEvalJsonl([])).toBe('');
  });
});

describe('plainAnswer', () => {
  it('drops markers and emphasis and joins lines', () => {
    expect(plainAnswer('**€ 5** [1]\n- *een* [2]')).toBe('€ 5 - een');
  });
});
