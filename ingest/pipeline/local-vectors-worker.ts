/**
 * The body of the local-embedding worker thread: fit the LSA model on the texts, embed them, post the vectors
 * back as one transferable Float32Array. Started through `local-vectors-worker.mjs`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage, isAppError } from '../errors.js';
import type { IndexSettings } from '../types.js';
import { localVectorPlan } from './vector-plans.js';

/** What the parent passes as `workerData`. */
export interface LocalVectorsRequest {
  texts: string[];
  dimensions: number;
}

/** What the worker posts back; vectors are rows of `width` floats in input order. */
export type LocalVectorsReply =
  | { ok: true; flat: Float32Array; width: number; model: Uint8Array | null; embedder: IndexSettings['embedder'] }
  | { ok: false; code: string; message: string };

async function handle({ texts, dimensions }: LocalVectorsRequest): Promise<{ reply: LocalVectorsReply; transfer: ArrayBuffer[] }> {
  try {
    const set = await localVectorPlan(dimensions).embed(texts.map((text, i) => ({ id: String(i), text })), null);
    const width = set.embedder.dimensions;
    const flat = new Float32Array(texts.length * width);
    set.vectors.forEach((vector, i) => flat.set(vector, i * width));
    return { reply: { ok: true, flat, width, model: set.model, embedder: set.embedder }, transfer: [flat.buffer] };
  } catch (error) {
    return { reply: { ok: false, code: isAppError(error) ? error.code : 'model_failed', message: errorMessage(error) }, transfer: [] };
  }
}

// Guarded so that importing this module outside a worker (by mistake) does nothing.
if (parentPort) {
  const { reply, transfer } = await handle(workerData as LocalVectorsRequest);
  parentPort.postMessage(reply, transfer);
}
