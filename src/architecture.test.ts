// Enforces DESIGN.md's layer rules on every source file: imports point one way, and the pure
// layers import no React, zustand or @xyflow and touch no DOM globals.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname);

const ALLOWED: Record<string, string[]> = {
  lib: [],
  model: ['lib'],
  topology: ['lib', 'model'],
  engine: ['lib'],
  sim: ['lib', 'model', 'topology', 'engine'],
  worker: ['lib', 'model', 'topology', 'engine', 'sim'],
  persist: ['lib', 'model'],
  codegen: ['lib', 'model', 'topology'],
  collab: ['lib', 'model'],
  store: ['lib', 'model', 'topology', 'engine', 'sim', 'persist', 'worker', 'codegen', 'collab'],
  canvas: ['lib', 'model', 'store'],
  viz: ['lib', 'model', 'store'],
  app: ['lib', 'model', 'topology', 'engine', 'sim', 'worker', 'persist', 'codegen', 'collab', 'store', 'canvas', 'viz'],
};
const PURE = ['lib', 'model', 'topology', 'engine', 'sim', 'persist', 'codegen'];
const UI_PACKAGES = /^(react|react-dom|zustand|@xyflow\/|html-to-image|uplot)/;
const DOM_GLOBALS = /\b(document|window|HTMLElement|localStorage|navigator\.clipboard)\b/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function layerOf(file: string): string | undefined {
  const rel = relative(SRC, file).split(sep);
  return rel.length > 1 ? rel[0] : undefined;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

const files = walk(SRC).filter((f) => !f.endsWith('.test.ts') && !f.endsWith('.test.tsx'));

describe('layer rules (DESIGN.md)', () => {
  it('finds source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const layer = layerOf(file);
    if (!layer) continue;
    it(`${relative(SRC, file)} imports only what ${layer}/ may`, () => {
      expect(Object.keys(ALLOWED), `unknown layer folder src/${layer}`).toContain(layer);
      const text = readFileSync(file, 'utf8');
      const problems: string[] = [];
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? '';
        if (spec.startsWith('.')) {
          const target = layerOf(resolve(dirname(file), spec));
          if (target && target !== layer && !ALLOWED[layer]!.includes(target)) problems.push(`imports ${target}/ (${spec})`);
        } else if (PURE.includes(layer) && UI_PACKAGES.test(spec)) {
          problems.push(`pure layer imports UI package ${spec}`);
        }
      }
      if (PURE.includes(layer)) {
        const code = text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
        const dom = code.match(DOM_GLOBALS);
        if (dom) problems.push(`pure layer touches the DOM (${dom[0]})`);
      }
      expect(problems).toEqual([]);
    });
  }
});
