// The entry points of the export (src/start.cts, services/<svc>/src/start.cts, compiled to
// start.cjs): they size libuv's thread pool, then run main.js beside them. Confluent's client
// (librdkafka) runs each blocking call (a transaction's begin, offsets and commit, a producer's
// set-up, up to 5 s each while a broker is away) on that pool, whose default is 4 threads; a
// service has a consumer per group and a transactional producer per command partition it owns,
// so the calls queued behind each other, and a consumer whose fetches waited longer than the
// poll interval was dropped from its group. The size is read once, when the pool is first used:
// an ES module entry is read through the pool before its first line runs, so the entry is
// CommonJS and loads the ES modules afterwards.
import { commentText } from '../emit/escape';

/** Threads in libuv's pool unless UV_THREADPOOL_SIZE says otherwise. */
export const THREAD_POOL_SIZE = 64;

export function startModule(what: string): string {
  return `// Runs ${commentText(what)}: \`node dist/.../start.cjs\` (what the start scripts do). Sizes libuv's thread
// pool first (Confluent's client runs its blocking calls there; the default of 4 threads
// starved the consumers), then loads main.js, an ES module.
process.env['UV_THREADPOOL_SIZE'] ??= '${THREAD_POOL_SIZE}';
void import('./main.js');
`;
}
