// services/<svc>/test/service.test.ts: the service's wiring on the in-memory transport. Every
// policy gets one of its triggering events and must send its commands; every projector gets
// one of its events and must upsert a row and publish it to its table topic. Records are
// computed here with the shared runtime, seeded, and written as literals.
import type { ExternalSystemSpec, PolicySpec, ProjectorSpec, ServiceSpec } from '../../topology';
import { policyDefinition, runtime, runtimeFields, SCHEMA_VERSION } from '../../topology';
import type { ElementId } from '../../model';
import { commentText, indented, literal, str } from '../emit/escape';
import type { GenContext } from '../genContext';
import { ROOT_FROM_TEST as R } from './paths';

const NOW = 1_700_000_000_000;

/** A record of event `eventId` as it would arrive on its topic, and the topic's name. */
function eventRecord(gen: GenContext, eventId: ElementId, seed: number): { topic: string; aggregateId: string; record: runtime.WireRecord; envelope: runtime.EventEnvelope } | null {
  const event = gen.event(eventId);
  if (!event.topicId) return null;
  const topic = gen.topic(event.topicId);
  const fields = runtimeFields(event.fields);
  const env = runtime.seededEnv(seed, NOW);
  const keyField = fields.find((f) => f.name === event.keyField);
  const aggregateId = keyField ? String(runtime.generateValue(keyField, env)) : `entity-${seed}`;
  const fixed: Record<string, unknown> = keyField ? { [keyField.name]: runtime.keyValue(keyField, aggregateId) } : {};
  const producer = gen.t.aggregates.find((a) => a.elementId === event.producers[0]) ?? gen.t.externalSystems.find((s) => s.elementId === event.producers[0]);
  const envelope: runtime.EventEnvelope = {
    type: event.typeName,
    aggregateType: producer?.typeName ?? event.typeName,
    aggregateId,
    version: 1,
    schemaVersion: SCHEMA_VERSION,
    timestamp: NOW,
    payload: runtime.fillPayload(fields, [], fixed, env),
  };
  return {
    topic: topic.perInstance ? runtime.instanceTopicName(topic.name, aggregateId) : topic.name,
    aggregateId,
    record: runtime.eventToRecord(envelope, topic.keyPrefixedByType),
    envelope,
  };
}

function policyTest(gen: GenContext, p: PolicySpec, i: number): string | null {
  const commands = p.commands.map((id) => gen.command(id)).filter((c) => c.topicId !== null);
  // With a condition, look for a triggering event that meets it (payloads are seeded).
  const def = policyDefinition(gen.t, p);
  const seeds = def.when ? 200 : 1;
  let trigger: ReturnType<typeof eventRecord> | undefined;
  for (let s = 0; s < seeds && !trigger; s++) {
    const found = p.triggers.map((id) => eventRecord(gen, id, 10 + i + s)).find((r) => r !== null);
    if (found && (!def.when || def.when(found.envelope))) trigger = found;
  }
  if (!trigger && def.when) {
    const unmet = p.triggers.map((id) => eventRecord(gen, id, 10 + i)).find((r) => r !== null);
    if (!unmet || commands.length === 0) return null;
    return `test(${str(`policy ${p.label}: a triggering event that does not meet its condition issues nothing`)}, async () => {
  const transport = new MemoryTransport();
  const running = await startService(transport, seededEnv(${i + 1}, ${NOW}));
  await transport.send(${str(unmet.topic)}, [${indented(unmet.record, 2)}]);
  await transport.settle();
${commands.map((c) => `  assert.ok(!transport.records(${str(gen.topic(c.topicId!).name)}).some((r) => r.headers['command-type'] === ${str(c.typeName)}), ${str(`${c.typeName} was not sent`)});`).join('\n')}
  await running.stop();
});`;
  }
  if (!trigger || commands.length === 0) return null;
  return `test(${str(`policy ${p.label}: its triggering event leads to its commands`)}, async () => {
  const transport = new MemoryTransport();
  const running = await startService(transport, seededEnv(${i + 1}, ${NOW}));
  await transport.send(${str(trigger.topic)}, [${indented(trigger.record, 2)}]);
  await transport.settle();
${commands
  .map(
    (c) =>
      `  assert.ok(transport.records(${str(gen.topic(c.topicId!).name)}).some((r) => r.headers['command-type'] === ${str(c.typeName)}), ${str(`${c.typeName} was sent`)});`,
  )
  .join('\n')}
  await running.stop();
});`;
}

function projectorTest(gen: GenContext, p: ProjectorSpec, i: number): string | null {
  const input = p.events.map((id) => eventRecord(gen, id, 20 + i)).find((r) => r !== null);
  if (!input) return null;
  return `test(${str(`read model ${p.label}: an event upserts its row and publishes it`)}, async () => {
  const transport = new MemoryTransport();
  const running = await startService(transport, seededEnv(${i + 1}, ${NOW}));
  await transport.send(${str(input.topic)}, [${indented(input.record, 2)}]);
  await transport.settle();
  const table = running.tables.get(${str(p.typeName)});
  assert.equal(table?.get(${str(input.aggregateId)})?.id, ${str(input.aggregateId)});
  assert.ok(transport.records(${str(gen.topic(p.tableTopicId).name)}).some((r) => r.key === ${str(input.aggregateId)}));
  await running.stop();
});`;
}

function sinkTest(gen: GenContext, s: ExternalSystemSpec, i: number): string | null {
  const command = s.handles.map((id) => gen.command(id))[0];
  const answers = s.outcomes.map((o) => gen.event(o.eventId)).filter((e) => e.topicId !== null);
  if (!command || !s.sinkTopicId || answers.length === 0) return null;
  const fields = runtimeFields(command.fields);
  const env = runtime.seededEnv(30 + i, NOW);
  const payload = runtime.fillPayload(fields, [], {}, env);
  const record = runtime.commandToRecord({ type: command.typeName, aggregateId: runtime.idFromPayload(payload, command.keyField) ?? `entity-${i}`, payload });
  const topics = [...new Set(answers.map((e) => gen.topic(e.topicId!).name))];
  return `test(${str(`external system ${s.label}: answers ${command.label} with one of its events`)}, async () => {
  const transport = new MemoryTransport();
  const running = await startService(transport, seededEnv(${i + 1}, ${NOW}));
  await transport.send(${str(gen.topic(s.sinkTopicId).name)}, [${indented(record, 2)}]);
  await transport.settle();
  const answered = [${topics.map((x) => str(x)).join(', ')}].flatMap((topic) => transport.records(topic));
  assert.ok(answered.some((r) => ${literal(answers.map((e) => e.typeName))}.includes(r.headers['event-type'] ?? '')));
  await running.stop();
});`;
}

export function serviceTests(gen: GenContext, service: ServiceSpec): string {
  const t = gen.t;
  const aggregates = t.aggregates.filter((a) => a.serviceId === service.id).length;
  const projectors = t.projectors.filter((p) => p.serviceId === service.id);
  const tests = [
    ...t.policies.filter((p) => p.serviceId === service.id).map((p, i) => policyTest(gen, p, i)),
    ...projectors.map((p, i) => projectorTest(gen, p, i)),
    ...t.externalSystems.filter((x) => x.serviceId === service.id).map((x, i) => sinkTest(gen, x, i)),
  ].filter((x): x is string => x !== null);
  return `// Tests of service ${commentText(service.label)}: wiring, policies and read models on the in-memory transport.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededEnv } from '${R}/src/platform/env.js';
import { MemoryTransport } from '${R}/src/platform/memoryTransport.js';
import { startService } from '../src/service.js';

test(${str(`service ${service.label} starts and stops`)}, async () => {
  const transport = new MemoryTransport();
  const running = await startService(transport, seededEnv(1, ${NOW}));
  assert.equal(running.stores.size, ${aggregates});
  assert.equal(running.tables.size, ${projectors.length});
  await running.stop();
  await transport.close();
});
${tests.length ? `\n${tests.join('\n\n')}\n` : ''}`;
}
