import { defineConfig } from 'vitest/config';

// Two projects: "unit" is the fast suite (pure layers in Node); "slow" holds tests tagged by
// file name *.slow.test.ts that install or compile exported projects. `npm test` runs both.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // Property and simulation tests take ~1 s alone; a shared 2-core machine can be 5× slower.
          testTimeout: 20_000,
          include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
          exclude: ['src/**/*.slow.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'slow',
          environment: 'node',
          include: ['src/**/*.slow.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
