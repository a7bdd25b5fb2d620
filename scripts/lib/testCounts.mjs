// What the test command's closing line "N passed, N failed" counts, from each runner's JSON
// report: tests, each once. A Vitest file that failed without a failed test (it did not load, or
// a hook failed) counts as one failure, and so does a runner that exited non-zero with none.

/** Passed and failed tests in Vitest's JSON report (`--reporter=json`), given its exit code. */
export function vitestCounts(report, exitCode) {
  const files = report.testResults ?? [];
  // numFailedTestSuites counts describe blocks as well as files: a failed test would be counted
  // once for itself and again for each suite around it.
  const fileErrors = files.filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  let failed = (report.numFailedTests ?? 0) + fileErrors;
  if (exitCode !== 0 && failed === 0) failed = 1;
  return { passed: report.numPassedTests ?? 0, failed };
}

/** Passed and failed tests in Playwright's JSON report, given its exit code. */
export function playwrightCounts(report, exitCode) {
  const s = report.stats ?? {};
  let failed = (s.unexpected ?? 0) + (report.errors ?? []).length;
  if (exitCode !== 0 && failed === 0) failed = 1;
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed };
}
