// Runs a command without blocking this process, so that two suites can run at once and both
// show their progress. With a prefix, each line the command prints is shown after it (which
// suite said what); without one, the command writes to this process's terminal directly.
import { spawn } from 'node:child_process';

/**
 * Splits text arriving in chunks into whole lines, each passed to `emit` with `prefix` in front;
 * `end()` passes on a last line that had no newline.
 */
export function linePrefixer(prefix, emit) {
  let pending = '';
  return {
    push(chunk) {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) emit(`${prefix}${line}\n`);
    },
    end() {
      if (pending !== '') emit(`${prefix}${pending}\n`);
      pending = '';
    },
  };
}

/** Runs `cmd args`; resolves with its exit code (1 when it could not start or was killed). */
export function runCommand(cmd, args, { env = process.env, prefix } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { env, stdio: prefix === undefined ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    if (prefix !== undefined) {
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        const lines = linePrefixer(prefix, (text) => out.write(text));
        stream.setEncoding('utf8');
        stream.on('data', (chunk) => lines.push(chunk));
        stream.on('end', () => lines.end());
      }
    }
    child.on('error', (err) => {
      console.error(`${prefix ?? ''}${cmd} could not start: ${err.message}`);
      resolvePromise(1);
    });
    child.on('close', (code) => resolvePromise(code ?? 1));
  });
}
