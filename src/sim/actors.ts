// The load: actors issue the commands nobody else issues (those no policy triggers), at the
// run's rate, each about one of N aggregates picked by the key distribution. Fractional
// commands carry over between steps, so the rate holds at any step size, deterministically.
import type { Rng } from '../lib/rng';
import type { CommandSpec, Topology } from '../topology';
import { runtime, runtimeFields } from '../topology';
import { createKeySampler, type KeyDistribution, type KeySampler } from './keyDistribution';
import type { ProducerPort } from './producerPort';

interface EntryCommand {
  spec: CommandSpec;
  fields: runtime.RuntimeField[];
  keyField: runtime.RuntimeField | undefined;
  ids: string[];
}

export class Actors {
  private readonly entries: EntryCommand[];
  private sampler: KeySampler;
  private carry = 0;
  rate: number;

  constructor(
    topology: Topology,
    private readonly producer: ProducerPort,
    private readonly rng: Rng,
    private readonly env: runtime.HandlerEnv,
    rate: number,
    private readonly idCount: number,
    dist: KeyDistribution,
  ) {
    this.rate = rate;
    const issuedByPolicies = new Set(topology.policies.flatMap((p) => p.commands));
    const idsByType = new Map<string, string[]>();
    const idEnv = runtime.seededEnv(rng.fork('ids').int(2 ** 31));
    this.entries = topology.commands
      .filter((c) => c.handler !== null && c.topicId !== null && !issuedByPolicies.has(c.elementId))
      .map((spec) => {
        const fields = runtimeFields(spec.fields);
        const keyField = fields.find((f) => f.name === spec.keyField);
        const handlerKey = `${spec.handler!.elementId}:${keyField?.type ?? 'string'}`;
        let ids = idsByType.get(handlerKey);
        if (!ids) idsByType.set(handlerKey, (ids = makeIds(keyField, idCount, idEnv, spec.handler!.elementId)));
        return { spec, fields, keyField, ids };
      });
    this.sampler = createKeySampler(dist, idCount, rng.fork('keys'));
  }

  get commandTypes(): string[] {
    return this.entries.map((e) => e.spec.typeName);
  }

  /** The ids the actors pick from for commands handled by `handlerElementId`. */
  idsFor(handlerElementId: string): string[] {
    return [...new Set(this.entries.filter((e) => e.spec.handler?.elementId === handlerElementId).flatMap((e) => e.ids))];
  }

  /** Topic ids the actors write to. */
  get topicIds(): string[] {
    return this.entries.map((e) => e.spec.topicId!);
  }

  setDistribution(dist: KeyDistribution): void {
    this.sampler = createKeySampler(dist, this.idCount, this.rng.fork('keys'));
  }

  /** Issues the commands due in `ms` of simulated time. */
  step(ms: number): void {
    if (this.entries.length === 0 || this.rate <= 0) return;
    this.carry += (this.rate * ms) / 1000;
    while (this.carry >= 1) {
      this.carry -= 1;
      const entry = this.entries[this.rng.int(this.entries.length)]!;
      const id = entry.ids[this.sampler.next()]!;
      const fixed: Record<string, unknown> = {};
      if (entry.spec.keyField !== null) fixed[entry.spec.keyField] = runtime.keyValue(entry.keyField, id);
      const payload = runtime.fillPayload(entry.fields, [], fixed, this.env);
      this.producer.sendCommand(entry.spec.topicId, { type: entry.spec.typeName, aggregateId: id, payload }, this.env.now());
    }
  }
}

function makeIds(field: runtime.RuntimeField | undefined, n: number, env: runtime.HandlerEnv, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (field?.type === 'uuid') out.push(String(runtime.generateValue(field, env)));
    else if (field && (field.type === 'int' || field.type === 'long')) out.push(String(i + 1));
    else out.push(`${prefix.replace(/^el:/, '')}-${i + 1}`);
  }
  return out;
}
