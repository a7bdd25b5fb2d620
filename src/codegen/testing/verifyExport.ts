// Test helper for the slow export tests: writes an exported project into a temporary folder,
// installs it, type-checks it, runs its generated tests, validates its AsyncAPI and OpenAPI
// descriptions and parses its Avro schemas. Node only (used from *.slow.test.ts).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Parser } from '@asyncapi/parser';
import { compileErrors, validate } from '@readme/openapi-parser';
import avro from 'avsc';
import type { ExportedFiles } from '../exportProject';

const exec = promisify(execFile);

export interface CommandResult {
  ok: boolean;
  output: string;
}

export async function run(cwd: string, command: string, args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '', ...env } });
    return { ok: true, output: `${stdout}\n${stderr}` };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}` };
  }
}

export function writeProject(files: ExportedFiles, prefix = 'stormbench-export-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    // Paths come from the generator; a path leaving the folder would be a bug worth failing on.
    if (!target.startsWith(dir + '/')) throw new Error(`export path escapes the project: ${path}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return dir;
}

export function removeProject(dir: string): void {
  if (!process.env.KEEP_EXPORT) rmSync(dir, { recursive: true, force: true });
}

export async function asyncApiErrors(text: string): Promise<string[]> {
  const parser = new Parser();
  const { diagnostics } = await parser.parse(text);
  // Severity 0 is an error in the Spectral diagnostics the parser returns.
  return diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message} at ${d.path.join('/')}`);
}

/** What a standard OpenAPI validator (@readme/openapi-parser) finds wrong with a description. */
export async function openApiErrors(text: string): Promise<string[]> {
  const result = await validate(JSON.parse(text) as Parameters<typeof validate>[0]);
  return result.valid ? [] : [compileErrors(result)];
}

export function avroErrors(files: ExportedFiles): string[] {
  const errors: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    if (!path.endsWith('.avsc')) continue;
    try {
      avro.Type.forSchema(JSON.parse(String(content)) as avro.Schema);
    } catch (err) {
      errors.push(`${path}: ${(err as Error).message}`);
    }
  }
  return errors;
}
