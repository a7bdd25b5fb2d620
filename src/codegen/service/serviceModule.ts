// services/<svc>/src/service.ts: wires the service's aggregates, policies, projectors and
// external-system adapters to a transport. The same wiring runs on Kafka (main.ts) and on
// the in-memory transport (the generated tests).
import type { ServiceSpec } from '../../topology';
import { commentText, ident, str } from '../emit/escape';
import type { GenContext } from '../genContext';
import { outcomesTopic } from './outcomesTopic';
import { ROOT_FROM_SERVICE as R } from './paths';

export function serviceModule(gen: GenContext, service: ServiceSpec): string {
  const t = gen.t;
  const aggs = t.aggregates.filter((a) => a.serviceId === service.id);
  const policies = t.policies.filter((p) => p.serviceId === service.id);
  const projectors = t.projectors.filter((p) => p.serviceId === service.id);
  const systems = t.externalSystems.filter((s) => s.serviceId === service.id);
  const imports = [
    ...aggs.map((a) => `import * as ${ident(a.valueName)}Aggregate from ${str(`./aggregates/${a.fileName}.js`)};`),
    ...policies.map((p) => `import * as ${ident(p.valueName)}Policy from ${str(`./policies/${p.fileName}.js`)};`),
    ...projectors.map((p) => `import * as ${ident(p.valueName)}Projector from ${str(`./projectors/${p.fileName}.js`)};`),
    ...systems.map((s) => `import * as ${ident(s.valueName)}System from ${str(`./systems/${s.fileName}.js`)};`),
  ];
  const body: string[] = [];
  for (const a of aggs) {
    const ns = `${a.valueName}Aggregate`;
    body.push(
      `  // Aggregate ${commentText(a.label)}: commands in, events out, keyed by ${commentText(a.idField)}.`,
      `  {`,
      `    const store = new TopicEventStore(transport, topic(${str(gen.topic(a.eventTopicId).name)}), ${ns}.definition.type);`,
      `    subs.push(await store.start(\`\${${ns}.groupId}.view.\${instanceId}\`));`,
      `    stores.set(${ns}.definition.type, store);`,
      `    // Each command's events are written in one transaction with the command's offset, by the`,
      `    // partition's single owner; an instance taking a partition over first reads what the`,
      `    // previous owner committed.`,
      `    const options = { groupId: ${ns}.groupId, topics: [${ns}.commandTopic], partitionsConcurrently: ${gen.topic(a.commandTopicId).partitions}, onTakeover: () => store.catchUp() };`,
      `    subs.push(`,
      `      await transport.subscribeTransactional(options, async (record, transaction) => {`,
      `        const command = _wire.recordToCommand(record) as ${ns}.Command;`,
      `        const commandId = record.headers[_wire.HEADER.commandId];`,
      `        // The same command again (a policy's event redelivered, a retried request): already in the stream.`,
      `        if (commandId !== undefined && (await store.handled(command.aggregateId, commandId))) return;`,
      `        const outcome = await decided(() => ${ns}.handle(store.inTransaction(transaction, commandId), command, env));`,
      `        // The outcome goes out with the events and the offset, in the same transaction.`,
      `        if (commandId !== undefined) transaction.send(outcomesTopic, [outcomeRecord({ commandId, command: command.type, aggregateId: command.aggregateId, ...outcome })]);`,
      `      }),`,
      `    );`,
      `  }`,
    );
  }
  for (const p of policies) {
    const ns = `${p.valueName}Policy`;
    body.push(
      `  // Policy ${commentText(p.label)}.`,
      `  subs.push(`,
      `    await transport.subscribe({ groupId: ${ns}.groupId, topics: ${ns}.topics }, async (record) => {`,
      `      if (!${ns}.definition.triggers.includes(record.headers[_wire.HEADER.eventType] ?? '')) return;`,
      `      const commands = ${ns}.react(_wire.recordToEvent(record), env);`,
      `      for (const [i, command] of commands.entries()) {`,
      `        // The id derives from the policy and the triggering record, so a redelivered event issues the`,
      `        // same command ids, and two policies reacting to one event issue different ones.`,
      `        const commandRecord = _wire.commandToRecord(command);`,
      `        const commandId = \`\${${ns}.groupId}/\${record.topic}/\${record.partition}/\${record.offset}/\${i}\`;`,
      `        await transport.send(${ns}.topicOf(command.type), [{ ...commandRecord, headers: { ...commandRecord.headers, [_wire.HEADER.commandId]: commandId } }]);`,
      `      }`,
      `    }),`,
      `  );`,
    );
  }
  for (const p of projectors) {
    const ns = `${p.valueName}Projector`;
    body.push(
      `  // Read model ${commentText(p.label)}.`,
      `  {`,
      `    const table = new TableView(transport, ${ns}.definition, ${ns}.tableTopic);`,
      `    subs.push(await table.start(\`\${${ns}.groupId}.view.\${instanceId}\`));`,
      `    tables.set(${ns}.definition.name, table);`,
      `    subs.push(`,
      `      await transport.subscribe({ groupId: ${ns}.groupId, topics: ${ns}.topics }, async (record) => {`,
      `        if (!${ns}.definition.events.includes(record.headers[_wire.HEADER.eventType] ?? '')) return;`,
      `        const folded = table.fold(_wire.recordToEvent(record), record);`,
      `        if (!folded) return;`,
      `        await transport.send(${ns}.tableTopic, [{ key: folded.row.id, value: JSON.stringify(folded.row), headers: folded.headers }]);`,
      `        folded.published();`,
      `      }),`,
      `    );`,
      `  }`,
    );
  }
  for (const s of systems.filter((x) => x.groupId !== null && x.sinkTopicId !== null)) {
    const ns = `${s.valueName}System`;
    body.push(
      `  // External system ${commentText(s.label)} receives its commands.`,
      `  subs.push(`,
      `    await transport.subscribe({ groupId: ${str(s.groupId!)}, topics: [${str(gen.topic(s.sinkTopicId!).name)}] }, async (record) => {`,
      `      const command = _wire.recordToCommand(record);`,
      `      await ${ns}.deliver(transport, command, env);`,
      `      const commandId = record.headers[_wire.HEADER.commandId];`,
      `      if (commandId !== undefined) await transport.send(outcomesTopic, [outcomeRecord({ commandId, command: command.type, aggregateId: command.aggregateId, status: 'accepted' })]);`,
      `    }),`,
      `  );`,
    );
  }
  return `// Service ${commentText(service.label)} (${commentText(service.name)}): ${service.instances} instance(s) share its consumer groups.
import type { HandleResult } from '${R}/src/runtime/aggregate.js';
import type { HandlerEnv } from '${R}/src/runtime/messages.js';
import * as _wire from '${R}/src/runtime/wire.js';
import { failureOutcome, outcomeRecord } from '${R}/src/platform/commandStatus.js';
import type { CommandOutcome } from '${R}/src/platform/commandStatus.js';
import { TableView } from '${R}/src/platform/tableView.js';
import { TopicEventStore } from '${R}/src/platform/topicEventStore.js';
import { topic } from '${R}/src/platform/topics.js';
import type { Subscription, Transport } from '${R}/src/platform/transport.js';
${imports.join('\n')}

export const serviceName = ${str(service.name)};
export const instances = ${service.instances};
/** Where its command handlers write each command's outcome (GET /commands/{commandId} reads it). */
export const outcomesTopic = ${str(outcomesTopic(t, service))};

export interface RunningService {
  /** Event stores by aggregate type. */
  readonly stores: ReadonlyMap<string, TopicEventStore>;
  /** Read-model tables by read model name, following their table topics. */
  readonly tables: ReadonlyMap<string, TableView>;
  stop(): Promise<void>;
}

/**
 * What the handler made of a command: its events (accepted), or, logged, why it turned the
 * command down (rejected: an invalid command is the sender's mistake, one the rules turn down a
 * decision) or could not decide it (failed: an error retrying cannot mend). Anything else is
 * thrown, and the command is delivered again.
 */
async function decided(work: () => Promise<HandleResult>): Promise<Pick<CommandOutcome, 'status' | 'reason' | 'events'>> {
  try {
    const { events } = await work();
    return { status: 'accepted', events: events.map((e) => ({ type: e.type, version: e.version, payload: e.payload })) };
  } catch (err) {
    const failure = failureOutcome(err);
    if (!failure) throw err;
    console.error(\`[\${serviceName}] \${failure.status}: \${failure.reason}\`);
    return failure;
  }
}

export async function startService(transport: Transport, env: HandlerEnv): Promise<RunningService> {
  const stores = new Map<string, TopicEventStore>();
  const tables = new Map<string, TableView>();
  const subs: Subscription[] = [];
  // Each instance follows its aggregates' streams under a group of its own.
  const instanceId = Math.floor(env.random() * 2 ** 32).toString(36);
${body.join('\n')}
  return {
    stores,
    tables,
    stop: async () => {
      await Promise.all(subs.map((s) => s.stop()));
    },
  };
}
`;
}
