/**
 * OCR from a loader worker: the worker asks its parent thread, which runs the processes (see `ocr-engine.ts`)
 * and answers by message. Plain data both ways.
 */
import type { MessagePort } from 'node:worker_threads';
import type { OcrEngine, PageReading } from './ocr-engine.js';

/** A question from the worker. */
export type OcrQuestion = { kind: 'ocr'; id: number } & ({ op: 'check' } | { op: 'page'; pageNumber: number; dpi: number });
/** The parent's answer. */
export type OcrAnswer = { kind: 'ocr-answer'; id: number } & ({ op: 'check'; reason?: string } | { op: 'page'; reading: PageReading });

/** Where the worker posts questions, and the answers waiting for their question's id. */
export interface OcrChannel {
  port: Pick<MessagePort, 'postMessage'>;
  waiting: Map<number, (answer: OcrAnswer) => void>;
}

let nextId = 1;

function ask(channel: OcrChannel, question: Omit<Extract<OcrQuestion, { op: 'check' }>, 'id'> | Omit<Extract<OcrQuestion, { op: 'page' }>, 'id'>): Promise<OcrAnswer> {
  const id = nextId++;
  return new Promise((resolve) => {
    channel.waiting.set(id, resolve);
    channel.port.postMessage({ ...question, id } as OcrQuestion);
  });
}

/** An engine whose work the parent thread does; answers are handed to `channel.waiting` by the worker's message handler. */
export function remoteOcrEngine(channel: OcrChannel): OcrEngine {
  return {
    async unavailable() {
      const answer = await ask(channel, { kind: 'ocr', op: 'check' });
      return answer.op === 'check' ? answer.reason : 'de tekstherkenning gaf een onverwacht antwoord.';
    },
    async readPage(pageNumber, dpi) {
      const answer = await ask(channel, { kind: 'ocr', op: 'page', pageNumber, dpi });
      return answer.op === 'page' ? answer.reading : { failed: 'onverwacht antwoord' };
    },
  };
}

/** Answers one question with a local engine (in the parent thread). */
export async function answerOcrQuestion(engine: OcrEngine, question: OcrQuestion): Promise<OcrAnswer> {
  if (question.op === 'check') {
    const reason = await engine.unavailable();
    return { kind: 'ocr-answer', id: question.id, op: 'check', ...(reason === undefined ? {} : { reason }) };
  }
  return { kind: 'ocr-answer', id: question.id, op: 'page', reading: await engine.readPage(question.pageNumber, question.dpi) };
}
