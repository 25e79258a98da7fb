// Bootstrap of the benchmark's cold raw-extraction thread: the same start-up as the loader worker
// (ingest/load/load-worker.mjs: pdf.js first, then tsx), so "cold" costs the same on both sides.
await import('pdfjs-dist/legacy/build/pdf.mjs');
globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');

const { register } = await import('tsx/esm/api');
register();
await import('./raw-worker.ts');
