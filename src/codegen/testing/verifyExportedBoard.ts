// The check every slow export test makes on a board: the export installs, type-checks under
// strict, passes its own generated tests, has valid AsyncAPI and OpenAPI descriptions and
// parseable Avro schemas. Install scripts are skipped: the generated tests run on the
// in-memory transport, so Confluent's native addon is not built here (the kafka project's
// tests build it once and run the services on a real broker).
import { expect } from 'vitest';
import type { Board } from '../../model';
import { exportProject } from '../exportProject';
import { asyncApiErrors, avroErrors, openApiErrors, removeProject, run, writeProject } from './verifyExport';

/**
 * `rulesToWrite`: how many commands choose between outcomes without rules; each exports a
 * function to write and a test that fails saying so, and those must be the only failures.
 */
export async function verifyExportedBoard(board: Board, { rulesToWrite = 0 }: { rulesToWrite?: number } = {}): Promise<void> {
  const files = await exportProject(board);
  expect(avroErrors(files)).toEqual([]);
  expect(await asyncApiErrors(String(files['asyncapi.json']))).toEqual([]);
  expect(await openApiErrors(String(files['openapi.json']))).toEqual([]);
  const dir = writeProject(files);
  try {
    const install = await run(dir, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts']);
    expect(install.ok, install.output).toBe(true);
    const typecheck = await run(dir, 'npm', ['run', 'typecheck']);
    expect(typecheck.ok, typecheck.output).toBe(true);
    const test = await run(dir, 'npm', ['test']);
    expect(test.ok, test.output).toBe(rulesToWrite === 0);
    expect(test.output).toMatch(new RegExp(`# fail ${rulesToWrite}\\b`));
    const failed = [...test.output.matchAll(/^not ok \d+ - (.*)$/gm)].map((m) => m[1]);
    expect(failed.filter((name) => !/has no rule yet — write decide\w+\(\)/.test(name ?? '')), test.output).toEqual([]);
    expect(test.output).toMatch(/# pass [1-9]/);
  } finally {
    removeProject(dir);
  }
}
