// The worker's one host: takes every command of the protocol and routes it — simulation
// controls and Kafka console calls to the simulation host, engine calls to the engine host —
// and posts replies. Kept apart from the worker entry so it runs in Node tests.
import { createEngineHost } from './engineHost';
import type { EngineCall, EngineWorkerApi, WorkerCommand } from './protocol';
import { SimWorkerHost, type HostPort } from './simWorkerHost';

export class WorkerHost {
  private readonly sim: SimWorkerHost;
  private readonly engine: EngineWorkerApi;

  constructor(
    private readonly port: HostPort,
    env: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {
    this.sim = new SimWorkerHost(port, env);
    this.engine = createEngineHost(env);
  }

  async handle(cmd: WorkerCommand): Promise<void> {
    if (cmd.type === 'engine') return this.call(cmd);
    if (cmd.type === 'console') return this.sim.call(cmd);
    return this.sim.handle(cmd);
  }

  private async call(cmd: EngineCall): Promise<void> {
    try {
      const fn = this.engine[cmd.method] as (...args: unknown[]) => Promise<unknown>;
      const value = await fn.apply(this.engine, cmd.args);
      this.port.post({ type: 'engineReply', id: cmd.id, ok: true, value }, []);
    } catch (e) {
      const err = e as { code?: string; message?: string };
      this.port.post({ type: 'engineReply', id: cmd.id, ok: false, code: err.code ?? 'ENGINE_ERROR', message: err.message ?? String(e) }, []);
    }
  }

  /** For tests: the simulation half. */
  get simHost(): SimWorkerHost {
    return this.sim;
  }
}
