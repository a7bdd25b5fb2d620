// Test helpers that run an exported project on a real Kafka cluster: write and install it
// (Confluent's client from the once-built cache), build it, create its topics, start its
// services as a child process and stop them. Node only (used from *.kafka.test.ts).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Board } from '../../model';
import type { KafkaClientChoice } from '../clients';
import type { ExportedFiles } from '../exportProject';
import { exportProject } from '../exportProject';
import { ensureConfluentClient, installBuiltConfluentClient } from './confluentClient';
import { cachedNodeModules } from './dependencyCache';
import { removeProject, run, writeProject } from './verifyExport';

export interface InstalledExport {
  readonly dir: string;
  readonly files: ExportedFiles;
  readonly client: KafkaClientChoice;
  remove(): void;
}

async function must(dir: string, command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await run(dir, command, args, env);
  if (!result.ok) throw new Error(`${command} ${args.join(' ')} failed in ${dir}:\n${result.output.slice(-4000)}`);
  return result.output;
}

/** npm install (no install scripts), or a copy of what this test run installed for the same dependencies (dependencyCache.ts). */
async function installDependencies(dir: string, files: ExportedFiles, client: KafkaClientChoice): Promise<void> {
  const cached = cachedNodeModules(files['package.json'] ?? '{}', client);
  if (cached && existsSync(cached)) {
    await must(dir, 'cp', ['-al', cached, join(dir, 'node_modules')]);
    return;
  }
  await must(dir, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts']);
  if (client === 'confluent') installBuiltConfluentClient(dir, await ensureConfluentClient());
  if (cached) {
    mkdirSync(dirname(cached), { recursive: true });
    await must(dir, 'cp', ['-al', join(dir, 'node_modules'), cached]);
  }
}

/** Exports the board with the client, installs it (no install scripts) and compiles it. */
export async function installExport(board: Board, client: KafkaClientChoice): Promise<InstalledExport> {
  const files = await exportProject(board, { client });
  const dir = writeProject(files, `stormbench-kafka-${client}-`);
  await installDependencies(dir, files, client);
  await must(dir, 'npm', ['run', 'build']);
  return { dir, files, client, remove: () => removeProject(dir) };
}

/** Runs the export's topic script against the cluster; returns what it printed. */
export function createTopics(project: InstalledExport, brokers: string): Promise<string> {
  return must(project.dir, 'node', ['dist/scripts/create-topics.js'], { KAFKA_BROKERS: brokers });
}

export interface RunningServices {
  /** Base URL of the HTTP API. */
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM (leaves the groups) or SIGKILL (a crash: the group notices after the session timeout). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

const READY = /^ready: .* HTTP API on (http:\/\/\S+)$/m;

/**
 * Starts `node dist/src/start.cjs` (what `npm start` runs after compiling) or one service's
 * start.cjs, with KAFKA_BROKERS and a free PORT, and resolves once it prints its ready line.
 */
export function startServices(
  project: InstalledExport,
  brokers: string,
  options: { entry?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunningServices> {
  const entry = options.entry ?? 'dist/src/start.cjs';
  const child = spawn(process.execPath, [entry], {
    cwd: project.dir,
    env: { ...process.env, NODE_OPTIONS: '', KAFKA_BROKERS: brokers, PORT: '0', HOST: '127.0.0.1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise<RunningServices>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`${entry} printed no ready line within ${options.timeoutMs ?? 120_000} ms:\n${out.slice(-4000)}`));
    }, options.timeoutMs ?? 120_000);
    const check = () => {
      const m = READY.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve({ url: m[1]!, child, output: () => out, stop });
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code}) before it was ready:\n${out.slice(-4000)}`));
    });
  });
}

/** A kafkajs scenario: install, start, send, settle (minutes on a loaded 2-core machine). */
export const KAFKAJS_TEST_TIMEOUT_MS = 6 * 60_000;
/** Confluent's: the same, plus waiting for the client's one build of the run (several minutes). */
export const CONFLUENT_TEST_TIMEOUT_MS = 16 * 60_000;
