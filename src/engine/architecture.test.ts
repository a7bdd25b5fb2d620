// The engine's own structure (CONVENTIONS.md 12): folders inside src/engine import each other
// without cycles (a cycle means two folders are one concept, or a third is missing), and code
// outside src/engine goes through the public face, src/engine/index.ts, never its internals.
// Exceptions are listed by name below, each with why it is still there; the lists only shrink.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve(import.meta.dirname);
const SRC = resolve(ENGINE, '..');

/** Folder cycles still allowed, as sorted folder lists (one strongly connected group each). */
const ALLOWED_CYCLES: string[][] = [];

/** Files outside src/engine that still import an engine internal: file (relative to src) → module. */
const ALLOWED_INTERNAL_IMPORTS: Record<string, string[]> = {};

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const out: string[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

/** The node a file belongs to: its top folder inside src/engine, or the file itself at the top. */
function nodeOf(file: string): string {
  const rel = relative(ENGINE, file).split(sep);
  return rel.length > 1 ? rel[0]! : rel[0]!.replace(/\.tsx?$/, '');
}

/** Strongly connected groups of more than one node (Tarjan). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) visit(v);
  return out.sort((a, b) => a.join().localeCompare(b.join()));
}

function folderGraph(): { edges: Map<string, Set<string>>; why: Map<string, string> } {
  const edges = new Map<string, Set<string>>();
  const why = new Map<string, string>();
  for (const file of walk(ENGINE)) {
    const from = nodeOf(file);
    if (!edges.has(from)) edges.set(from, new Set());
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(ENGINE + sep)) continue;
      const to = nodeOf(target.endsWith('.ts') ? target : `${target}.ts`);
      if (to === from) continue;
      edges.get(from)!.add(to);
      if (!why.has(`${from}>${to}`)) why.set(`${from}>${to}`, `${relative(ENGINE, file)} imports ${spec}`);
    }
  }
  return { edges, why };
}

describe('engine structure', () => {
  it('finds the cycle checker able to see a cycle', () => {
    const g = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', new Set(['b'])], ['b', new Set<string>()]]))).toEqual([]);
  });

  it('has no import cycles between folders inside src/engine beyond the listed ones', () => {
    const { edges, why } = folderGraph();
    expect(edges.size).toBeGreaterThan(5);
    const found = cycles(edges);
    const allowed = new Set(ALLOWED_CYCLES.map((c) => [...c].sort().join(' ↔ ')));
    const unexpected = found
      .filter((c) => !allowed.has(c.join(' ↔ ')))
      .map((c) => `${c.join(' ↔ ')}: ${c.flatMap((a) => c.filter((b) => edges.get(a)?.has(b)).map((b) => why.get(`${a}>${b}`))).join('; ')}`);
    expect(unexpected).toEqual([]);
    // An allowed cycle that is gone must leave the list, so it cannot come back unnoticed.
    expect(ALLOWED_CYCLES.map((c) => [...c].sort().join(' ↔ ')).filter((c) => !found.some((f) => f.join(' ↔ ') === c))).toEqual([]);
  });

  it('is used from outside src/engine only through src/engine/index.ts, beyond the listed imports', () => {
    const problems: string[] = [];
    const used = new Set<string>();
    for (const file of walk(SRC)) {
      if (file.startsWith(ENGINE + sep)) continue;
      const rel = relative(SRC, file).split(sep).join('/');
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(ENGINE + sep)) continue;
        if (target === join(ENGINE, 'index') || target === join(ENGINE, 'index.ts')) continue;
        if ((ALLOWED_INTERNAL_IMPORTS[rel] ?? []).includes(spec)) {
          used.add(`${rel} ${spec}`);
          continue;
        }
        problems.push(`${rel} imports ${spec}`);
      }
    }
    expect(problems).toEqual([]);
    // Every listed exception must still be in use: the list only shrinks.
    const listed = Object.entries(ALLOWED_INTERNAL_IMPORTS).flatMap(([f, specs]) => specs.map((s) => `${f} ${s}`));
    expect(listed.filter((l) => !used.has(l))).toEqual([]);
  });
});
