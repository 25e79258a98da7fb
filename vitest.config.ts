import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests start real servers, LanceDB stores and Chromium; two cores are all CI has.
    maxWorkers: 2,
  },
});
