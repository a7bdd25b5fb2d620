import { describe, expect, it } from 'vitest';
import { buildTree } from './fileTree';

describe('buildTree', () => {
  it('nests paths into sorted folders', () => {
    const tree = buildTree(['b.ts', 'src/x/a.ts', 'src/b.ts', 'a.md']);
    expect(tree.files.map((f) => f.name)).toEqual(['a.md', 'b.ts']);
    expect(tree.folders[0]!.name).toBe('src');
    expect(tree.folders[0]!.files.map((f) => f.path)).toEqual(['src/b.ts']);
    expect(tree.folders[0]!.folders[0]!.files.map((f) => f.path)).toEqual(['src/x/a.ts']);
  });
});
