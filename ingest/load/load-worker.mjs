// Bootstrap of the loader worker thread. A worker starts as plain Node, whether the app runs under the
// tsx CLI or under vitest, so it registers tsx itself before importing the TypeScript body.
//
// pdf.js (3 MB of plain JavaScript) is imported first: through tsx's hooks it takes ten times as long to
// load, and once cached the TypeScript modules and pdf.js's fake worker get the same module instances.
await import('pdfjs-dist/legacy/build/pdf.mjs');
globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');

const { register } = await import('tsx/esm/api');
register();
await import('./load-worker.ts');
