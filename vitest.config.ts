import { defineConfig } from 'vitest/config';

// Three projects: "unit" is the fast suite (pure layers in Node); "slow" holds tests tagged by
// file name *.slow.test.ts that install or compile exported projects; "kafka" holds
// *.kafka.test.ts, which run against a real Apache Kafka 4.4 that its global set-up starts once
// per run (scripts/kafka/vitestGlobalSetup.mjs; helpers in src/lib/testing/realKafka.ts).
// `npm test` runs all three.
export default defineConfig({
  test: {
    // Every core. Vitest's own default is one fewer than the machine has: a single worker on
    // these 2-core machines, where the whole suite then ran one file at a time. The kafka
    // project still runs its files one at a time, after the others (fileParallelism below).
    maxWorkers: '100%',
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // Property and simulation tests take ~1 s alone; a shared 2-core machine can be 5× slower.
          testTimeout: 20_000,
          include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.mjs'],
          exclude: ['src/**/*.slow.test.ts', 'src/**/*.kafka.test.ts', 'node_modules/**'],
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
      {
        test: {
          name: 'kafka',
          environment: 'node',
          include: ['src/**/*.kafka.test.ts'],
          // Confluent's client starts building (once per machine) while the brokers start.
          globalSetup: ['src/codegen/testing/confluentGlobalSetup.ts', 'scripts/kafka/vitestGlobalSetup.mjs'],
          // The brokers are shared and some tests stop and start nodes: one file at a time.
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
