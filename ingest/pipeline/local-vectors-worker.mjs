// Bootstrap of the local-embedding worker thread: a worker starts as plain Node, whether the app runs under
// the tsx CLI or under vitest, so it registers tsx itself before importing the TypeScript body.
const { register } = await import('tsx/esm/api');
register();
await import('./local-vectors-worker.ts');
