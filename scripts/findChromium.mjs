// Finds a Chromium for Playwright on a machine where Playwright cannot download its own:
// PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, then Playwright's cache, then /usr/bin/chromium, and
// as a last resort installs Debian's `chromium` when running as root with apt-get.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function fromPlaywrightCache() {
  const roots = [process.env.PLAYWRIGHT_BROWSERS_PATH, join(homedir(), '.cache', 'ms-playwright')].filter(Boolean);
  for (const root of roots) {
    if (!existsSync(root)) continue;
    const dirs = readdirSync(root).filter((d) => d.startsWith('chromium')).sort().reverse();
    for (const dir of dirs) {
      for (const rel of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-linux/headless_shell', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
        const candidate = join(root, dir, rel);
        if (existsSync(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

function candidates() {
  return [process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, process.env.STORMBENCH_CHROMIUM, fromPlaywrightCache(), '/usr/bin/chromium', '/usr/bin/chromium-browser'];
}

export function findChromium({ install = true } = {}) {
  for (const c of candidates()) if (c && existsSync(c)) return c;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!install || !isRoot || !hasApt) return undefined;
  console.log('No Chromium found: installing Debian\'s chromium package (about a minute)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const res = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (res.status !== 0) return undefined;
  for (const c of candidates()) if (c && existsSync(c)) return c;
  return undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findChromium();
  if (!found) {
    console.error('No Chromium found and none could be installed. Set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH.');
    process.exit(1);
  }
  console.log(found);
}
