/**
 * The local vector plan with the fitting in a worker thread. Fitting the LSA model is seconds of synchronous
 * CPU on a large corpus; in a server that takes uploads, those seconds must not stall the questions it answers
 * meanwhile. The result is the same model and vectors as {@link localVectorPlan} computes in-process.
 */
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../errors.js';
import type { LocalVectorsReply, LocalVectorsRequest } from './local-vectors-worker.js';
import type { EmbeddedSet, EmbeddingInput, VectorPlan } from './vector-plan.js';
import { foldIn, localSpace, localVectorPlan } from './vector-plans.js';

const WORKER_URL = new URL('./local-vectors-worker.mjs', import.meta.url);

function fitInWorker(request: LocalVectorsRequest): Promise<LocalVectorsReply> {
  return new Promise((resolve, reject) => {
    // Inherited flags differ between `tsx` and vitest; the bootstrap sets up TypeScript itself.
    const worker = new Worker(WORKER_URL, { workerData: request, execArgv: [] });
    let settled = false;
    const settle = (run: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate().finally(run);
    };
    worker.once('message', (reply: LocalVectorsReply) => settle(() => resolve(reply)));
    const crash = (cause: unknown) => settle(() => reject(new AppError('model_failed', 'Het lokale embeddingmodel kon niet worden berekend.', { cause })));
    worker.once('error', crash);
    worker.once('exit', (code) => crash(new Error(`worker exited with code ${code}`)));
  });
}

/** Fits the local model on the passages of the index being built, in a worker thread. */
export function localVectorPlanInWorker(dimensions: number): VectorPlan {
  return {
    kind: 'local',
    fitted: true,
    // Folding in is a projection per passage, milliseconds for a document; only the fit needs the worker.
    extend: foldIn,
    async space(sample) {
      if (sample.length === 0) return localSpace(null);
      const reply = await fitInWorker({ texts: sample.map((input) => input.text), dimensions });
      if (!reply.ok) throw new AppError(reply.code as ErrorCode, reply.message);
      return localSpace(reply.model);
    },
    async embed(inputs: EmbeddingInput[]): Promise<EmbeddedSet> {
      if (inputs.length === 0) return localVectorPlan(dimensions).embed(inputs, null);
      const reply = await fitInWorker({ texts: inputs.map((input) => input.text), dimensions });
      if (!reply.ok) throw new AppError(reply.code as ErrorCode, reply.message);
      const { flat, width } = reply;
      const vectors = inputs.map((_, i) => flat.subarray(i * width, (i + 1) * width));
      return { vectors, model: reply.model, embedder: reply.embedder };
    },
  };
}
