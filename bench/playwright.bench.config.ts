// Browser benchmarks written as Playwright scripts (they print figures; they are not tests and
// the test command never runs them): the e2e settings, with bench/ as the folder.
//   E2E_PORT=4111 scripts/e2e.sh --config bench/playwright.bench.config.ts
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

const root = resolve(import.meta.dirname, '..');
const servers = Array.isArray(base.webServer) ? base.webServer : base.webServer ? [base.webServer] : [];

export default defineConfig({ ...base, testDir: '.', testMatch: '*.bench.spec.ts', timeout: 900_000, webServer: servers.map((s) => ({ ...s, cwd: root })) });
