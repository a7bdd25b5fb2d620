import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNTIME_SOURCES } from './sources';

const RUNTIME_DIR = join(import.meta.dirname, '..', 'topology', 'runtime');

describe('embedded runtime', () => {
  it('is byte for byte the runtime the simulator imports', () => {
    for (const [name, text] of Object.entries(RUNTIME_SOURCES)) {
      expect(text, name).toBe(readFileSync(join(RUNTIME_DIR, name), 'utf8'));
    }
  });

  it('covers every runtime file except the simulator-only index', () => {
    const files = readdirSync(RUNTIME_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts');
    expect(Object.keys(RUNTIME_SOURCES).sort()).toEqual(files.sort());
  });
});
