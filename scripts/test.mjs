// The one test command: every Vitest project (unit and slow), then a production build and the
// Playwright e2e suite in real Chromium. It ends with one plain line "N passed, N failed"
// counted from both runners' JSON reports, and exits non-zero on any failure or on zero tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './findChromium.mjs';
import { runE2e } from './lib/e2eRun.mjs';
import { playwrightCounts, vitestCounts } from './lib/testCounts.mjs';

const e2eOnly = process.argv.includes('--e2e-only');
const OUT = '.test-results';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

function run(cmd, args, env = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status ?? 1;
}

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
let broken = false;

if (!e2eOnly) {
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest.json`]);
  const report = readJson(`${OUT}/vitest.json`);
  if (!report) {
    console.error('Vitest wrote no report.');
    broken = true;
  } else {
    const counts = vitestCounts(report, code);
    if (code !== 0 && (report.numFailedTests ?? 0) === 0) console.error(`Vitest exited with ${code}: files that failed without a failed test count as one failure each.`);
    passed += counts.passed;
    failed += counts.failed;
  }
}

const chromium = findChromium();
if (!chromium) {
  console.error('No Chromium: the e2e suite cannot run. Set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH or install chromium.');
  failed += 1;
} else {
  console.log(`Chromium: ${chromium}`);
  const dist = process.env.E2E_DIST || 'dist';
  const build = run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist]);
  if (build !== 0) {
    console.error('The production build failed: the e2e suite cannot run.');
    failed += 1;
  } else {
    // Free ports and servers of its own (scripts/lib/e2eRun.mjs): never another checkout's build.
    const args = process.argv.slice(2).filter((a) => !a.startsWith('--e2e-only'));
    const code = await runE2e(args, { dist, report: `${OUT}/playwright.json`, chromium });
    const report = readJson(`${OUT}/playwright.json`);
    if (!report) {
      console.error('Playwright wrote no report.');
      broken = true;
    } else {
      const counts = playwrightCounts(report, code);
      if (code !== 0 && (report.stats?.unexpected ?? 0) === 0) console.error(`Playwright exited with ${code}: its errors outside tests count as failures (at least one).`);
      passed += counts.passed;
      failed += counts.failed;
    }
  }
}

if (broken) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
