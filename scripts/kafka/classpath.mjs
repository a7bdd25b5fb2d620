// Kafka's jars for the local broker and the Java oracle: Java and Maven are checked (and, as root
// on Debian, installed with apt-get, as findChromium does for Chromium), then Maven resolves the
// pom beside this file once; the classpath is cached under .cache/kafka, keyed by the pom's hash,
// so later runs start without Maven.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JarResolutionError, ToolchainMissingError } from './errors.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const POM = join(HERE, 'pom.xml');
export const CACHE_DIR = resolve(HERE, '..', '..', '.cache', 'kafka');

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function canInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && has('apt-get');
}

function aptInstall(packages, log) {
  log(`Installing Debian's ${packages.join(', ')} (a minute or two)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  return spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env }).status === 0;
}

/** Makes sure `java`, `javac` and `mvn` are on PATH, installing them as root on Debian. */
export function ensureToolchain({ log = console.log } = {}) {
  const missing = [];
  if (!has('java') || !has('javac')) missing.push('openjdk-17-jdk-headless');
  if (!has('mvn')) missing.push('maven');
  if (missing.length === 0) return;
  if (canInstall()) aptInstall(missing, log);
  if (!has('java') || !has('javac')) throw new ToolchainMissingError('Java 17 (java and javac)', 'Install a JDK 17 or later (Debian: apt-get install openjdk-17-jdk-headless).');
  if (!has('mvn')) throw new ToolchainMissingError('Maven', 'Install Maven 3.8 or later (Debian: apt-get install maven).');
}

/**
 * The classpath of Kafka 4.4 (broker, kafka-clients, an SLF4J backend), computed once and
 * cached. Maven's own cache (~/.m2) keeps the jars; the first run downloads them.
 */
export function kafkaClasspath({ log = console.log } = {}) {
  ensureToolchain({ log });
  const pom = readFileSync(POM);
  const key = createHash('sha256').update(pom).digest('hex').slice(0, 16);
  const cached = join(CACHE_DIR, `classpath-${key}.txt`);
  if (existsSync(cached)) {
    const cp = readFileSync(cached, 'utf8').trim();
    if (cp && cp.split(':').every((jar) => existsSync(jar))) return cp;
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  log('Resolving Kafka 4.4 jars with Maven (first run only)…');
  const res = spawnSync('mvn', ['-q', '-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${cached}`], { encoding: 'utf8' });
  if (res.status !== 0 || !existsSync(cached)) {
    const out = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new JarResolutionError(out || `mvn exited with ${res.status}`);
  }
  const cp = readFileSync(cached, 'utf8').trim();
  writeFileSync(cached, cp);
  return cp;
}
