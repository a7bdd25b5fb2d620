// Confluent's Kafka client for exported projects under test, built once. Its install script
// downloads a prebuilt librdkafka, which these machines cannot reach; with CKJS_LINKING=dynamic
// it builds librdkafka and the addon from the source inside the npm package (minutes on two
// cores). So the build happens once per machine, into the user's cache folder (as Maven's and
// npm's caches are: a fresh clone of the repository does not build it again) keyed by the
// package version, Node's ABI and the platform, and every exported project installed in a test run is
// installed without install scripts and given the built addon (the .node file and the
// librdkafka shared libraries it loads from ../deps). Node only.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { KAFKA_CLIENTS } from '../clients';

const exec = promisify(execFile);
const PACKAGE = KAFKA_CLIENTS.confluent.packageName;
const VERSION = KAFKA_CLIENTS.confluent.version;
const BUILD_TIMEOUT_MS = 15 * 60_000;
const LOCK_STALE_MS = 20 * 60_000;

/** Thrown when the client cannot be built; the message says what to install or check. */
export class ConfluentClientBuildError extends Error {
  readonly code = 'CONFLUENT_CLIENT_BUILD_FAILED';
  readonly retriable = false;
  constructor(message: string) {
    super(message);
    this.name = 'ConfluentClientBuildError';
  }
}

/** Where the built client lives: <$XDG_CACHE_HOME or ~/.cache>/stormbench/confluent-client/<version>-abi<N>-<platform>-<arch>. */
export function confluentCacheDir(cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache')): string {
  return resolve(cacheHome, 'stormbench', 'confluent-client', `${VERSION}-abi${process.versions.modules}-${process.platform}-${process.arch}`);
}

const builtPackage = (cache: string) => join(cache, 'node_modules', ...PACKAGE.split('/'));
const marker = (cache: string) => join(cache, 'built.json');

/** Debian package of each tool or header the build needs. */
const BUILD_NEEDS: readonly { readonly what: string; readonly debian: string; readonly present: () => Promise<boolean> }[] = [
  { what: 'g++', debian: 'g++', present: () => runs('g++', ['--version']) },
  { what: 'make', debian: 'make', present: () => runs('make', ['--version']) },
  { what: 'python3', debian: 'python3', present: () => runs('python3', ['--version']) },
  { what: 'OpenSSL headers', debian: 'libssl-dev', present: async () => existsSync('/usr/include/openssl/ssl.h') },
  { what: 'zlib headers', debian: 'zlib1g-dev', present: async () => existsSync('/usr/include/zlib.h') },
];

const runs = (tool: string, args: string[]) => exec(tool, args).then(() => true, () => false);

async function missingTools(): Promise<typeof BUILD_NEEDS> {
  const missing = [];
  for (const need of BUILD_NEEDS) if (!(await need.present())) missing.push(need);
  return missing;
}

/** As root on Debian, installs what is missing with apt-get (as the test command does for Chromium and Java). */
async function aptInstall(packages: readonly string[]): Promise<void> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !(await runs('sh', ['-c', 'command -v apt-get']))) return;
  console.log(`[kafka] Installing Debian's ${packages.join(', ')} to build Confluent's client…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another part of the set-up may be installing too: wait for dpkg's lock instead of failing.
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  await exec('apt-get', [...lock, 'update', '-qq'], { env }).catch(() => undefined);
  await exec('apt-get', [...lock, 'install', '-y', '-qq', ...packages], { env, maxBuffer: 64 * 1024 * 1024 }).catch(() => undefined);
}

async function build(cache: string): Promise<void> {
  let missing = await missingTools();
  if (missing.length > 0) {
    await aptInstall(missing.map((m) => m.debian));
    missing = await missingTools();
  }
  if (missing.length > 0) {
    throw new ConfluentClientBuildError(
      `Building ${PACKAGE} needs ${missing.map((m) => m.what).join(', ')}: install them (Debian: apt-get install -y ${missing.map((m) => m.debian).join(' ')}) and run the tests again.`,
    );
  }
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  writeFileSync(
    join(cache, 'package.json'),
    `${JSON.stringify({ name: 'confluent-client-build', private: true, dependencies: { [PACKAGE]: VERSION }, allowScripts: { [`${PACKAGE}@${VERSION}`]: true } }, null, 2)}\n`,
  );
  const started = Date.now();
  try {
    await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: cache,
      timeout: BUILD_TIMEOUT_MS,
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, CKJS_LINKING: 'dynamic', NODE_OPTIONS: '' },
    });
  } catch (err) {
    const e = err as { message: string; stdout?: string; stderr?: string };
    const tail = `${e.stdout ?? ''}\n${e.stderr ?? ''}`.split('\n').slice(-30).join('\n');
    throw new ConfluentClientBuildError(`npm install of ${PACKAGE}@${VERSION} with CKJS_LINKING=dynamic failed: ${e.message}\n${tail}`);
  }
  // Loading it proves the addon and its librdkafka are there and match this Node.
  const check = await exec(process.execPath, ['-e', `console.log(require(${JSON.stringify(PACKAGE)}).librdkafkaVersion)`], { cwd: cache }).catch((err: Error) => {
    throw new ConfluentClientBuildError(`${PACKAGE} was built but does not load: ${err.message}`);
  });
  writeFileSync(marker(cache), `${JSON.stringify({ version: VERSION, librdkafka: check.stdout.trim(), buildMs: Date.now() - started }, null, 2)}\n`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The folder of the built client package, building it first if this machine has no build of
 * this version for this Node yet. Several processes may ask at once: one builds (holding a
 * lock folder), the others wait for its marker.
 */
export async function ensureConfluentClient(cacheHome?: string): Promise<string> {
  const cache = confluentCacheDir(cacheHome);
  const lock = `${cache}.lock`;
  for (;;) {
    if (existsSync(marker(cache))) return builtPackage(cache);
    mkdirSync(join(cache, '..'), { recursive: true });
    try {
      mkdirSync(lock);
    } catch {
      // Another process is building; a lock older than any build is left from a killed run.
      if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(2000);
      continue;
    }
    try {
      if (!existsSync(marker(cache))) await build(cache);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** What the cached build recorded: versions and how long it took. */
export function confluentBuildInfo(cacheHome?: string): { version: string; librdkafka: string; buildMs: number } | null {
  const file = marker(confluentCacheDir(cacheHome));
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string; librdkafka: string; buildMs: number }) : null;
}

/**
 * Gives an exported project (installed with --ignore-scripts) the built addon: the .node file
 * and the librdkafka shared libraries beside it, symbolic links kept.
 */
export function installBuiltConfluentClient(projectDir: string, builtDir: string): void {
  const target = join(projectDir, 'node_modules', ...PACKAGE.split('/'));
  if (!existsSync(join(target, 'package.json'))) throw new ConfluentClientBuildError(`${projectDir} has no ${PACKAGE} installed: run npm install there first.`);
  for (const [folder, keep] of [
    ['Release', (name: string) => name.endsWith('.node')],
    ['deps', (name: string) => /^librdkafka(\+\+)?\.so/.test(name)],
  ] as const) {
    const from = join(builtDir, 'build', folder);
    const to = join(target, 'build', folder);
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).filter(keep)) {
      const source = join(from, name);
      rmSync(join(to, name), { force: true });
      if (lstatSync(source).isSymbolicLink()) symlinkSync(readlinkSync(source), join(to, name));
      else copyFileSync(source, join(to, name));
    }
  }
}
