// The one test command: the Vitest projects "unit" and "slow" (both cores), then at once the
// "kafka" project (real Kafka brokers, its files one at a time, mostly waiting on the brokers and
// the exported services) and a production build with the Playwright e2e suite in real Chromium
// (one browser at a time). Run one after the other they left a core idle for most of the run.
// The kafka suite's lines are shown after "kafka │ ". It ends with one plain line
// "N passed, N failed" counted from the runners' JSON reports, and exits non-zero on any
// failure or on zero tests. `--e2e-only` runs the build and the e2e suite alone.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './findChromium.mjs';
import { runE2e } from './lib/e2eRun.mjs';
import { runCommand } from './lib/runCommand.mjs';
import { playwrightCounts, vitestCounts } from './lib/testCounts.mjs';

const e2eOnly = process.argv.includes('--e2e-only');
const OUT = '.test-results';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const started = Date.now();
/** What each part took, printed at the end. */
const timings = [];
async function timed(name, work) {
  const t0 = Date.now();
  try {
    return await work();
  } finally {
    timings.push(`${name} ${Math.round((Date.now() - t0) / 1000)} s`);
  }
}

/** One Vitest run of the given projects: its passed and failed tests. */
async function vitest(projects, report, prefix) {
  const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const code = await runCommand('npx', args, { prefix });
  const json = readJson(report);
  if (!json) {
    console.error(`Vitest (${projects.join(', ')}) wrote no report.`);
    return { passed: 0, failed: 1 };
  }
  if (code !== 0 && (json.numFailedTests ?? 0) === 0) console.error(`Vitest (${projects.join(', ')}) exited with ${code}: files that failed without a failed test count as one failure each.`);
  return vitestCounts(json, code);
}

/** The production build and the Playwright suite on it: passed and failed tests. */
async function e2e() {
  const chromium = findChromium();
  if (!chromium) {
    console.error('No Chromium: the e2e suite cannot run. Set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH or install chromium.');
    return { passed: 0, failed: 1 };
  }
  console.log(`Chromium: ${chromium}`);
  const dist = process.env.E2E_DIST || 'dist';
  if ((await runCommand('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist])) !== 0) {
    console.error('The production build failed: the e2e suite cannot run.');
    return { passed: 0, failed: 1 };
  }
  // Free ports and servers of its own (scripts/lib/e2eRun.mjs): never another checkout's build.
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--e2e-only'));
  const code = await runE2e(args, { dist, report: `${OUT}/playwright.json`, chromium });
  const report = readJson(`${OUT}/playwright.json`);
  if (!report) {
    console.error('Playwright wrote no report.');
    return { passed: 0, failed: 1 };
  }
  if (code !== 0 && (report.stats?.unexpected ?? 0) === 0) console.error(`Playwright exited with ${code}: its errors outside tests count as failures (at least one).`);
  return playwrightCounts(report, code);
}

const parts = [];
if (!e2eOnly) parts.push(await timed('unit and slow', () => vitest(['unit', 'slow'], `${OUT}/vitest.json`)));
parts.push(
  ...(await Promise.all([
    ...(e2eOnly ? [] : [timed('kafka', () => vitest(['kafka'], `${OUT}/vitest-kafka.json`, 'kafka │ '))]),
    timed('build and e2e', e2e),
  ])),
);

const passed = parts.reduce((n, p) => n + p.passed, 0);
const failed = parts.reduce((n, p) => n + p.failed, 0);
console.log(`took ${Math.round((Date.now() - started) / 1000)} s (${timings.join('; ')})`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
