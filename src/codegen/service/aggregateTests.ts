// services/<svc>/test/<aggregate>.test.ts: given events, when a command, then events — one
// test per command outcome, with expectations computed here by the same runtime the test runs
// (seeded, so the generated test decides exactly as the generator did), plus optimistic
// concurrency, validation, and an end-to-end run of the service on the in-memory transport.
// Tests use node:test so the export needs no test framework.
import type { AggregateSpec, CommandSpec } from '../../topology';
import { aggregateDefinition, runtime, SNAPSHOT_EVERY } from '../../topology';
import { commentText, indented, literal, str } from '../emit/escape';
import type { GenContext } from '../genContext';
import { ROOT_FROM_TEST as R } from './paths';

const NOW = 1_700_000_000_000;
const MAX_SEED_SEARCH = 2000;

interface Case {
  title: string;
  given: runtime.EventEnvelope[];
  command: runtime.CommandEnvelope;
  seed: number;
  expected: runtime.EventEnvelope[];
  /** The rules turn the command down: the reason it is rejected with (then `expected` is empty). */
  rejected?: string;
  /** Rejected on a fresh aggregate too, so a fresh service turns it down as well. */
  rejectedWhenNew?: boolean;
}

/** The events decided, or the rejection's reason when no outcome's guard admits the command. */
function decideOrReject(def: runtime.AggregateDefinition, state: runtime.AggregateState, command: runtime.CommandEnvelope, seed: number): runtime.EventEnvelope[] | string {
  try {
    return runtime.decide(def, state, command, runtime.seededEnv(seed, NOW));
  } catch (err) {
    if (err instanceof runtime.CommandRejectedError) return err.message;
    throw err;
  }
}

function commandFor(def: runtime.AggregateDefinition, cmd: CommandSpec, aggregateId: string, seed: number): runtime.CommandEnvelope {
  const spec = def.commands[cmd.typeName]!;
  const fixed: Record<string, unknown> = {};
  if (spec.keyField) fixed[spec.keyField] = runtime.keyValue(spec.fields.find((f) => f.name === spec.keyField), aggregateId);
  return { type: cmd.typeName, aggregateId, payload: runtime.fillPayload(spec.fields, [], fixed, runtime.seededEnv(seed, NOW)) };
}

/** An id valid for the aggregate's key field (a UUID for uuid fields, a number for int ones). */
function aggregateIdFor(def: runtime.AggregateDefinition, gen: GenContext, agg: AggregateSpec): string {
  const first = agg.commands[0] ? def.commands[gen.command(agg.commands[0].commandId).typeName] : undefined;
  const field = first?.fields.find((f) => f.name === first.keyField);
  const value = field ? runtime.generateValue(field, runtime.seededEnv(42, NOW)) : 'aggregate-1';
  return String(value);
}

/** Commands whose outcome the board leaves to chance: the export has a function to write for them. */
const toWrite = (agg: AggregateSpec) => agg.commands.filter((c) => !c.rules && c.outcomes.length > 1);

function cases(gen: GenContext, agg: AggregateSpec): Case[] {
  // Expectations come from the simulator's runtime with the rules interpreted from their text;
  // the exported decide runs them as generated TypeScript, so each test also checks the two agree.
  const def = aggregateDefinition(gen.t, agg);
  const id = aggregateIdFor(def, gen, agg);
  const out: Case[] = [];
  const open = new Set(toWrite(agg).map((c) => c.commandId));
  const decidable = agg.commands.filter((c) => !open.has(c.commandId));
  // One earlier event, so every test also exercises rehydration.
  const firstCmd = decidable[0] ? gen.command(decidable[0].commandId) : undefined;
  const decidedFirst = firstCmd ? decideOrReject(def, runtime.initialState(id), commandFor(def, firstCmd, id, 1), 1) : [];
  const given = typeof decidedFirst === 'string' ? [] : decidedFirst;
  const state = runtime.rehydrate(def, id, null, given);
  for (const c of decidable) {
    const cmd = gen.command(c.commandId);
    const command = commandFor(def, cmd, id, 7);
    const outcomes = def.commands[cmd.typeName]!.outcomes;
    const seen = new Set<string>();
    for (let seed = 1; seed <= MAX_SEED_SEARCH && seen.size < outcomes.length; seed++) {
      const decided = decideOrReject(def, state, command, seed);
      const expected = typeof decided === 'string' ? [] : decided;
      const type = typeof decided === 'string' ? '(rejected)' : (expected[0]?.type ?? '');
      if (seen.has(type)) continue;
      seen.add(type);
      const eventLabel = typeof decided === 'string' ? 'rejected' : (gen.t.events.find((e) => e.typeName === type)?.label ?? type);
      const givenLabel = given.map((g) => gen.t.events.find((e) => e.typeName === g.type)?.label ?? g.type).join(', ');
      const rejection = typeof decided === 'string' ? { rejected: decided, rejectedWhenNew: decideOrReject(def, runtime.initialState(id), command, seed) === decided } : {};
      out.push({ title: `${agg.label}: given [${givenLabel}], when ${cmd.label}, then ${eventLabel}`, given, command, seed, expected, ...rejection });
      // A rejection does not depend on the seed: no other outcome can follow for this command.
      if (typeof decided === 'string') break;
    }
  }
  return out;
}

export function aggregateTests(gen: GenContext, agg: AggregateSpec): string {
  const all = cases(gen, agg);
  const first = all.find((c) => !c.rejected);
  const missing = toWrite(agg).map((c) => {
    const cmd = gen.command(c.commandId);
    return `test(${str(`${agg.label}: ${cmd.label} has no rule yet — write decide${cmd.typeName}() in src/aggregates/${agg.fileName}.ts`)}, () => {
  assert.fail(${str(`The board gives ${cmd.label} no rule, so nothing decides which event it leads to. Write decide${cmd.typeName}() in src/aggregates/${agg.fileName}.ts (or give the outcomes guards on the board and export again).`)});
});`;
  });
  const tests = all.map((c) =>
    c.rejected
      ? `test(${str(c.title)}, () => {
  const given: _aggregate.Event[] = ${indented(c.given, 2)};
  const command: _aggregate.Command = ${indented(c.command, 2)};
  const state = _aggregate.rehydrate(command.aggregateId, given);
  // No outcome's guard admits it: a rejection, with the reason the simulator gives.
  assert.throws(() => _aggregate.decide(state, command, seededEnv(${c.seed}, ${NOW})), (err) => err instanceof CommandRejectedError && err.message === ${str(c.rejected)});
});`
      : `test(${str(c.title)}, () => {
  const given: _aggregate.Event[] = ${indented(c.given, 2)};
  const command: _aggregate.Command = ${indented(c.command, 2)};
  const state = _aggregate.rehydrate(command.aggregateId, given);
  assert.equal(state.version, given.length);
  const events = _aggregate.decide(state, command, seededEnv(${c.seed}, ${NOW}));
  assert.deepEqual(events, ${indented(c.expected, 2)});
});`,
  );
  const extra = first
    ? `
test(${str(`${agg.label}: a stale expected version appends nothing (optimistic concurrency)`)}, async () => {
  const store = new MemoryEventStore();
  const command: _aggregate.Command = ${literal(first.command)};
  await _aggregate.handle(store, command, seededEnv(1, ${NOW}));
  const stale = _aggregate.decide(_aggregate.initialState(command.aggregateId), command, seededEnv(2, ${NOW}));
  await assert.rejects(store.append(command.aggregateId, stale, 0), ConcurrencyError);
  assert.equal((await store.read(command.aggregateId, 0)).length, 1);
});

test(${str(`${agg.label}: snapshots every ${SNAPSHOT_EVERY} events, and a snapshot rehydrates like the events`)}, async () => {
  const store = new MemoryEventStore();
  const command: _aggregate.Command = ${literal(first.command)};
  const env = seededEnv(6, ${NOW});
  for (let i = 0; i < _aggregate.definition.snapshotEvery + 1; i++) await _aggregate.handle(store, command, env);
  const snapshot = await store.loadSnapshot(command.aggregateId);
  assert.equal(snapshot?.version, _aggregate.definition.snapshotEvery);
  const all = (await store.read(command.aggregateId, 0)) as _aggregate.Event[];
  const fromScratch = _aggregate.rehydrate(command.aggregateId, all);
  const fromSnapshot = all.slice(snapshot?.version).reduce((state, event) => _aggregate.apply(state, event), snapshot!.state);
  assert.deepEqual(fromSnapshot, fromScratch);
});

test(${str(`${agg.label}: an invalid command is rejected`)}, () => {
  const command: _aggregate.Command = ${literal(first.command)};
  const invalid = { ...command, payload: { ...command.payload, notAField: true } } as _aggregate.Command;
  assert.throws(() => _aggregate.decide(_aggregate.initialState(command.aggregateId), invalid, seededEnv(1, ${NOW})), PayloadValidationError);
});

test(${str(`${agg.label}: the service handles a command on the in-memory transport`)}, async () => {
  const transport = new MemoryTransport();
  const running = await startService(transport, seededEnv(3, ${NOW}));
  const command: _aggregate.Command = ${literal(first.command)};
  await transport.send(_aggregate.commandTopic, [commandToRecord(command)]);
  await transport.settle();
  const written = transport.records(_aggregate.eventTopicFor(command.aggregateId)).filter((r) => r.headers['aggregate-type'] === _aggregate.definition.type);
  // More than one only when a policy loops back to this aggregate (the compiler warns of that).
  assert.ok(written.length >= 1);
  assert.equal(written[0]?.headers['aggregate-id'], command.aggregateId);
  assert.equal(written[0]?.headers['aggregate-version'], '1');
  assert.equal(written[0]?.headers['schema-version'], '1');
  assert.ok(_aggregate.definition.commands[command.type]?.outcomes.some((o) => o.event === written[0]?.headers['event-type']));
  assert.equal(running.stores.get(_aggregate.definition.type) !== undefined, true);
  await running.stop();
  await transport.close();
});

test(${str(`${agg.label}: over HTTP, a command answered 202 has a Location that tells what became of it`)}, async () => {
  const transport = new MemoryTransport();
  const command: _aggregate.Command = ${literal(first.command)};
  const routes = COMMANDS.filter((c) => c.type === command.type);
  const api = await startHttpApi({ port: 0, host: '127.0.0.1', transport, commands: routes, readModels: [] });
  let running: Awaited<ReturnType<typeof startService>> | undefined;
  try {
    const res = await fetch(\`\${api.url}\${routes[0]!.path}\`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(command.payload) });
    assert.equal(res.status, 202);
    const { commandId, aggregateId } = (await res.json()) as { commandId: string; aggregateId: string };
    assert.equal(res.headers.get('location'), \`/commands/\${commandId}\`);
    const status = async () => (await fetch(\`\${api.url}\${res.headers.get('location')}\`)).json() as Promise<CommandOutcome>;
    // No instance of the service runs yet: nothing has decided.
    await transport.settle();
    assert.deepEqual(await status(), { commandId, status: 'pending', command: command.type, aggregateId });
    running = await startService(transport, seededEnv(6, ${NOW}));
    await transport.settle();
    const outcome = await status();
    assert.equal(outcome.status, 'accepted', JSON.stringify(outcome));
    const written = transport.records(_aggregate.eventTopicFor(aggregateId)).filter((r) => r.headers['command-id'] === commandId);
    assert.deepEqual(outcome.events?.map((e) => [e.type, String(e.version)]), written.map((r) => [r.headers['event-type'], r.headers['aggregate-version']]));
    assert.equal((await fetch(\`\${api.url}/commands/no-such-command\`)).status, 404);
    // With ?wait, the answer is the outcome itself once decided.
    const waited = await fetch(\`\${api.url}\${routes[0]!.path}?wait=5000\`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(command.payload) });
    assert.equal(waited.status, 200);
    const answer = (await waited.json()) as CommandOutcome;
    assert.equal(answer.status, 'accepted', JSON.stringify(answer));
    assert.equal(waited.headers.get('location'), \`/commands/\${answer.commandId}\`);
    assert.deepEqual(await (await fetch(\`\${api.url}/commands/\${answer.commandId}\`)).json(), answer);
    assert.equal((await fetch(\`\${api.url}\${routes[0]!.path}?wait=later\`, { method: 'POST', body: '{}' })).status, 400);
  } finally {
    await api.close();
    await running?.stop();
    await transport.close();
  }
});

test(${str(`${agg.label}: a second instance takes over with the current state (rebalance)`)}, async () => {
  const transport = new MemoryTransport(200);
  const first = await startService(transport, seededEnv(4, ${NOW}));
  const second = await startService(transport, seededEnv(5, ${NOW}));
  const command: _aggregate.Command = ${literal(first.command)};
  const versions = () =>
    transport
      .records(_aggregate.eventTopicFor(command.aggregateId))
      .filter((r) => r.headers['aggregate-type'] === _aggregate.definition.type && r.headers['aggregate-id'] === command.aggregateId)
      .map((r) => r.headers['aggregate-version']);
  await transport.send(_aggregate.commandTopic, [commandToRecord(command)]);
  await transport.settle();
  const before = versions().length;
  assert.ok(before >= 1);
  // The first instance leaves the group: the second handles the next command, and must
  // append after what the first wrote (it followed the topic), not start again at version 1.
  await first.stop();
  await transport.send(_aggregate.commandTopic, [commandToRecord(command)]);
  await transport.settle();
  const after = versions();
  assert.ok(after.length > before);
  assert.deepEqual(after, after.map((_, i) => String(i + 1)));
  await second.stop();
});
`
    : `
test(${str(`${agg.label}: starts with an empty state`)}, () => {
  assert.equal(_aggregate.initialState('x').version, 0);
});
`;
  return `// Tests of aggregate ${commentText(agg.label)}: given events, when a command, then events.
import assert from 'node:assert/strict';
import { test } from 'node:test';
${all.some((c) => c.rejected) ? `import { CommandRejectedError } from '${R}/src/runtime/aggregate.js';\n` : ''}import { ConcurrencyError, MemoryEventStore } from '${R}/src/runtime/eventStore.js';
import { PayloadValidationError } from '${R}/src/runtime/messages.js';
import { commandToRecord } from '${R}/src/runtime/wire.js';
import { seededEnv } from '${R}/src/platform/env.js';
import { MemoryTransport } from '${R}/src/platform/memoryTransport.js';
import * as _aggregate from ${str(`../src/aggregates/${agg.fileName}.js`)};
import { startService, outcomesTopic } from '../src/service.js';
${first ? `import { COMMANDS } from '${R}/src/api/routes.js';\nimport type { CommandOutcome } from '${R}/src/platform/commandStatus.js';\nimport { startHttpApi } from '${R}/src/platform/httpApi.js';\n` : ''}
${[...missing, ...tests].join('\n\n')}
${extra}${rejectedByService(agg, all.find((c) => c.rejectedWhenNew), first)}`;
}

/** The service turns down a command no guard admits: it logs the reason, writes nothing, and goes on. */
function rejectedByService(agg: AggregateSpec, c: Case | undefined, next: Case | undefined): string {
  if (!c?.rejected) return '';
  const goesOn = next
    ? `
  // The next command is handled as usual.
  const next: _aggregate.Command = ${literal(next.command)};
  await transport.send(_aggregate.commandTopic, [commandToRecord(next)]);
  await transport.settle();
  assert.ok(transport.records(_aggregate.eventTopicFor(next.aggregateId)).some((r) => r.headers['aggregate-id'] === next.aggregateId));`
    : '';
  return `
test(${str(`${agg.label}: the service logs a command the rules turn down, writes nothing for it, and goes on`)}, async () => {
  const transport = new MemoryTransport();
  const running = await startService(transport, seededEnv(8, ${NOW}));
  const command: _aggregate.Command = ${literal(c.command)};
  const logged: string[] = [];
  const error = console.error;
  console.error = (...args: unknown[]) => void logged.push(args.join(' '));
  const record = commandToRecord(command);
  try {
    await transport.send(_aggregate.commandTopic, [{ ...record, headers: { ...record.headers, 'command-id': 'turned-down' } }]);
    await transport.settle();
  } finally {
    console.error = error;
  }
  assert.equal(transport.records(_aggregate.eventTopicFor(command.aggregateId)).filter((r) => r.headers['aggregate-id'] === command.aggregateId).length, 0);
  assert.ok(logged.some((line) => line.endsWith(${str(`rejected: ${c.rejected}`)})), logged.join('\\n'));
  // Its outcome says so, for GET /commands/{commandId}.
  const outcomes = transport.records(outcomesTopic).filter((r) => r.key === 'turned-down').map((r) => JSON.parse(r.value) as unknown);
  assert.deepEqual(outcomes, [{ commandId: 'turned-down', command: command.type, aggregateId: command.aggregateId, status: 'rejected', reason: ${str(c.rejected)} }]);${goesOn}
  await running.stop();
  await transport.close();
});
`;
}
