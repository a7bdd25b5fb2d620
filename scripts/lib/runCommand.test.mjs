// The test command runs two suites at once (scripts/test.mjs): each line either prints must stay
// whole, with its suite's prefix, however the output arrives in chunks, and the exit code must
// be the command's own.
import { describe, expect, it, vi } from 'vitest';
import { linePrefixer, runCommand } from './runCommand.mjs';

describe('line prefixer', () => {
  it('prefixes whole lines, joining a line split across chunks', () => {
    const out = [];
    const lines = linePrefixer('kafka │ ', (text) => out.push(text));
    lines.push('first li');
    lines.push('ne\nsecond\n\nthi');
    expect(out).toEqual(['kafka │ first line\n', 'kafka │ second\n', 'kafka │ \n']);
    lines.end();
    expect(out.at(-1)).toBe('kafka │ thi\n');
    lines.end();
    expect(out).toHaveLength(4);
  });
});

describe('runCommand', () => {
  it("passes on the command's exit code and prefixes what it prints, on stdout and stderr", async () => {
    const written = [];
    const spies = [process.stdout, process.stderr].map((stream) =>
      vi.spyOn(stream, 'write').mockImplementation((text) => (written.push([stream === process.stdout ? 'out' : 'err', String(text)]), true)),
    );
    try {
      const code = await runCommand(process.execPath, ['-e', 'process.stdout.write("a\\nb"); process.stderr.write("oops\\n"); process.exit(3)'], { prefix: '» ' });
      expect(code).toBe(3);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(written.filter(([s]) => s === 'out').map(([, t]) => t)).toEqual(['» a\n', '» b\n']);
    expect(written.filter(([s]) => s === 'err').map(([, t]) => t)).toEqual(['» oops\n']);
  });

  it('answers 1 for a command that cannot start', async () => {
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runCommand('no-such-command-here', [], { prefix: '' })).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });
});
