import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'functions/**/*.test.ts', 'shared/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser and multi-process tests start servers; two cores run them best a few at a time.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
