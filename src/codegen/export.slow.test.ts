// Installs, type-checks (strict) and tests exported projects for real: the export must work
// out of the box. Slow: it runs npm install in temporary folders.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoard } from '../model';
import type { Board } from '../model';
import { bankingBoard } from '../topology/testing/bankingBoard';
import { hostileBoard } from '../topology/testing/hostileBoard';
import { exportProject } from './exportProject';
import { asyncApiErrors, avroErrors, removeProject, run, writeProject } from './testing/verifyExport';

const example = (name: string) => () => parseBoard(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/examples', `${name}.json`), 'utf8')));

const boards: [string, () => Board][] = [
  ['the Banking example', example('banking')],
  ['the E-commerce example', example('ecommerce')],
  ['banking (own fixture, topic per aggregate type)', () => bankingBoard()],
  ['hostile names (shared topic)', () => hostileBoard(1, 'sharedTopic')],
  ['hostile names (topic per instance)', () => hostileBoard(2, 'perAggregateInstance')],
];

describe.each(boards)('exported project of %s', (_name, make) => {
  it('installs, type-checks strictly, passes its tests, and has a valid AsyncAPI description and Avro schemas', async () => {
    const files = await exportProject(make());
    expect(avroErrors(files)).toEqual([]);
    expect(await asyncApiErrors(String(files['asyncapi.json']))).toEqual([]);
    const dir = writeProject(files);
    try {
      const install = await run(dir, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']);
      expect(install.ok, install.output).toBe(true);
      const typecheck = await run(dir, 'npm', ['run', 'typecheck']);
      expect(typecheck.ok, typecheck.output).toBe(true);
      const test = await run(dir, 'npm', ['test']);
      expect(test.ok, test.output).toBe(true);
      expect(test.output).toMatch(/# fail 0/);
      expect(test.output).not.toMatch(/# pass 0\b/);
    } finally {
      removeProject(dir);
    }
  });
});
