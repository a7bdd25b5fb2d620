// The page's side of the worker: starts it lazily on the first command, sends typed commands
// (simulation controls, engine calls) and hands simulation messages to listeners (the sim
// store keeps only the latest snapshot and renders once per animation frame). `engine` is a
// promise-returning proxy of the engine API, `console` one of the Kafka console over the running
// board's cluster (message browser, configs, produce, reset offsets); terminate() ends the worker (its unfinished writes
// may be lost, acknowledged ones are durable) and fails the calls still waiting.
import type { KafkaConsoleApi } from '../sim';
import type { ConsoleReply, EngineReply, EngineWorkerApi, SimCommand, SimMessage, WorkerCommand, WorkerMessage } from './protocol';

/** What the simulation store needs of the worker (the console only where the page browses topics). */
export type SimClient = Pick<WorkerClient, 'send' | 'onMessage' | 'terminate'> & Partial<Pick<WorkerClient, 'console'>>;

export interface WorkerClient {
  send(cmd: SimCommand): void;
  onMessage(listener: (m: SimMessage) => void): () => void;
  readonly engine: EngineWorkerApi;
  readonly console: KafkaConsoleApi;
  terminate(): void;
}

/** A failed engine call as the worker reported it (its code and message). */
export class EngineCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EngineCallError';
  }
}

export function createWorkerClient(makeWorker: () => Worker = () => new Worker(new URL('./stormbench.worker.ts', import.meta.url), { type: 'module', name: 'stormbench' })): WorkerClient {
  let worker: Worker | null = null;
  const listeners = new Set<(m: SimMessage) => void>();
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const fail = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  const reply = (m: EngineReply | ConsoleReply) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.ok) w.resolve(m.value);
    else w.reject(new EngineCallError(m.code, m.message));
  };
  const ensure = (): Worker => {
    if (worker) return worker;
    worker = makeWorker();
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.type === 'engineReply' || m.type === 'consoleReply') return reply(m);
      for (const l of listeners) l(m);
    };
    worker.onerror = (e) => {
      const message = `The worker failed: ${e.message}`;
      fail(new EngineCallError('WORKER_FAILED', message));
      for (const l of listeners) l({ type: 'error', code: 'SIM_WORKER_FAILED', message, problems: [] });
    };
    return worker;
  };
  const post = (cmd: WorkerCommand) => ensure().postMessage(cmd);
  /** A promise-returning proxy: each method call is one request, answered by the reply with its id. */
  const callsOf = <T extends object>(type: 'engine' | 'console'): T =>
    new Proxy({} as T, {
      get: (_t, method) =>
        (...args: unknown[]) =>
          new Promise((resolve, reject) => {
            const id = nextId++;
            waiting.set(id, { resolve, reject });
            post({ type, id, method, args } as unknown as WorkerCommand);
          }),
    });
  const engine = callsOf<EngineWorkerApi>('engine');
  const console = callsOf<KafkaConsoleApi>('console');
  return {
    send: (cmd) => post(cmd),
    console,
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    engine,
    terminate() {
      worker?.terminate();
      worker = null;
      fail(new EngineCallError('WORKER_TERMINATED', 'The worker was terminated before it answered.'));
    },
  };
}
