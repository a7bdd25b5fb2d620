// The closing line of the test command counts each test once (testCounts.mjs).
import { describe, expect, it } from 'vitest';
import { playwrightCounts, vitestCounts } from './testCounts.mjs';

const file = (status, ...tests) => ({ name: `f${Math.random()}`, status, assertionResults: tests.map((s) => ({ status: s })) });

describe('Vitest report', () => {
  it('counts a failed test once, however many describe blocks are around it', () => {
    // As written by a run with two failed tests, each inside a describe in its own file.
    const report = { numPassedTests: 1705, numFailedTests: 2, numFailedTestSuites: 4, testResults: [file('failed', 'passed', 'failed'), file('failed', 'failed'), file('passed', 'passed')] };
    expect(vitestCounts(report, 1)).toEqual({ passed: 1705, failed: 2 });
  });

  it('counts a file that failed without a failed test (it did not load, or a hook failed) as one failure', () => {
    const report = { numPassedTests: 3, numFailedTests: 0, numFailedTestSuites: 1, testResults: [file('failed'), file('failed', 'skipped'), file('passed', 'passed', 'passed', 'passed')] };
    expect(vitestCounts(report, 1)).toEqual({ passed: 3, failed: 2 });
  });

  it('counts a run that exited non-zero with nothing failed as one failure, and a clean run as none', () => {
    const report = { numPassedTests: 5, numFailedTests: 0, numFailedTestSuites: 0, testResults: [file('passed', 'passed')] };
    expect(vitestCounts(report, 1)).toEqual({ passed: 5, failed: 1 });
    expect(vitestCounts(report, 0)).toEqual({ passed: 5, failed: 0 });
  });
});

describe('Playwright report', () => {
  it('counts expected and flaky tests as passed, unexpected ones and errors outside tests as failed', () => {
    expect(playwrightCounts({ stats: { expected: 90, flaky: 2, unexpected: 1, skipped: 0 }, errors: [{ message: 'x' }] }, 1)).toEqual({ passed: 92, failed: 2 });
  });

  it('counts a run that exited non-zero with nothing failed as one failure', () => {
    expect(playwrightCounts({ stats: { expected: 98, unexpected: 0 }, errors: [] }, 1)).toEqual({ passed: 98, failed: 1 });
    expect(playwrightCounts({ stats: { expected: 98, unexpected: 0 }, errors: [] }, 0)).toEqual({ passed: 98, failed: 0 });
  });
});
