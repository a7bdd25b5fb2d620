// Simulation ≡ reality: the same board, seed and scripted command sequence run once on the
// simulator and once as exported services on the real single-node Kafka 4.4, with each client;
// both must end with the same events per aggregate (same types, versions and payloads in the
// same order per key) and the same read-model rows. Values the clock decides (timestamp fields,
// a row's updatedAt) are left out, and where two writers race to one aggregate (two policies
// reacting to one event) its events are compared as a set. Any other difference is a bug in
// one of the two.
//
// The boards are ones whose decisions do not depend on chance: the Orders test board
// (src/sim/testing/ordersBoard.ts: one outcome per command, every event field given by the
// command or the aggregate's earlier events) and Banking without its overdraft
// (bankingWithoutOverdraft: the overdraft policy's fee is drawn on each side, and its command
// races the script's), whose rules decide outcomes and computed fields on both sides. A command choosing among weighted outcomes without rules is
// decided by the simulator's seeded random numbers and by Math.random in the export, so such
// boards cannot end the same.
import { describe, expect, it } from 'vitest';
import type { RunEnd } from '../lib/testing/runEnd';
import { kafkaSingle } from '../lib/testing/realKafka';
import type { Board } from '../model';
import { runScriptOnSimulator, scriptFor } from '../sim/testing/scriptedRun';
import { ordersBoard } from '../sim/testing/ordersBoard';
import { compileTopology, type Topology } from '../topology';
import { bankingWithoutOverdraft } from '../topology/testing/bankingWithoutOverdraft';
import type { KafkaClientChoice } from './clients';
import { CONFLUENT_TEST_TIMEOUT_MS, KAFKAJS_TEST_TIMEOUT_MS } from './testing/exportOnKafka';
import { runScriptOnKafka } from './testing/scriptOnKafka';

const SEED = 11;
const IDS_PER_AGGREGATE = 8;
const COMMANDS = 40;

/**
 * Aggregates with more than one writer (commands from several policies, or from policies and
 * actors): the order in which their commands arrive is a race, in Kafka and in the simulator.
 */
function racedAggregates(t: Topology): Set<string> {
  const issuedBy = new Map<string, Set<string>>();
  for (const p of t.policies) for (const c of p.commands) issuedBy.set(c, new Set([...(issuedBy.get(c) ?? []), p.elementId]));
  return new Set(
    t.aggregates.filter((a) => new Set(a.commands.flatMap((c) => [...(issuedBy.get(c.commandId) ?? ['actors'])])).size > 1).map((a) => a.typeName),
  );
}

/**
 * The run's end without what the clock decides (timestamp fields of events and rows), and with
 * the events of raced aggregates as a set (sorted, versions left out: each side numbers them in
 * the order they arrived).
 */
function comparable(board: Board, end: RunEnd): RunEnd {
  const t = compileTopology(board);
  const times = new Set(t.events.flatMap((e) => e.fields.filter((f) => f.type === 'timestamp').map((f) => f.name)));
  const raced = racedAggregates(t);
  const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, times.has(k) ? '<clock>' : v]));
  const stream = (k: string, s: RunEnd['streams'][string]) => {
    const events = s.map((e) => ({ ...e, payload: strip(e.payload) }));
    if (!raced.has(k.slice(0, k.indexOf('|')))) return events;
    return events.map((e) => ({ version: 0, type: e.type, payload: e.payload })).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  };
  return {
    streams: Object.fromEntries(Object.entries(end.streams).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, s]) => [k, stream(k, s)])),
    tables: Object.fromEntries(Object.entries(end.tables).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, rows]) => [k, rows.map((r) => ({ ...r, fields: strip(r.fields) }))])),
  };
}

/** Where two ends differ: per aggregate stream and per read-model row, both sides' versions. */
function differences(a: RunEnd, b: RunEnd): { what: string; simulator: unknown; kafka: unknown }[] {
  const out: { what: string; simulator: unknown; kafka: unknown }[] = [];
  for (const k of new Set([...Object.keys(a.streams), ...Object.keys(b.streams)])) {
    if (JSON.stringify(a.streams[k]) !== JSON.stringify(b.streams[k])) out.push({ what: `stream ${k}`, simulator: a.streams[k], kafka: b.streams[k] });
  }
  for (const name of new Set([...Object.keys(a.tables), ...Object.keys(b.tables)])) {
    const rowsA = new Map((a.tables[name] ?? []).map((r) => [r.id, r]));
    const rowsB = new Map((b.tables[name] ?? []).map((r) => [r.id, r]));
    for (const id of new Set([...rowsA.keys(), ...rowsB.keys()])) {
      if (JSON.stringify(rowsA.get(id)) !== JSON.stringify(rowsB.get(id))) out.push({ what: `read model ${name} row ${id}`, simulator: rowsA.get(id), kafka: rowsB.get(id) });
    }
  }
  return out;
}

/** Runs the script on both sides, expects the same end, and returns the end on Kafka. */
async function sameOnBoth(board: Board, client: KafkaClientChoice): Promise<RunEnd> {
  const script = scriptFor(compileTopology(board), SEED, IDS_PER_AGGREGATE, COMMANDS);
  const onSimulator = comparable(board, await runScriptOnSimulator(board, SEED, script));
  const onKafka = comparable(board, await runScriptOnKafka(board, client, kafkaSingle(), script));
  const events = eventCount(onKafka);
  const rows = Object.values(onKafka.tables).reduce((n, r) => n + r.length, 0);
  console.log(`simulation ≡ reality (${board.name}, ${client}): ${script.length} commands, ${Object.keys(onKafka.streams).length} aggregates, ${events} events, ${rows} read-model rows on Kafka`);
  const diff = differences(onSimulator, onKafka);
  for (const d of diff.slice(0, 5)) console.log(JSON.stringify(d));
  expect(diff.map((d) => d.what)).toEqual([]);
  return onKafka;
}

const eventTypes = (end: RunEnd) => new Set(Object.values(end.streams).flatMap((s) => s.map((e) => e.type)));
const eventCount = (end: RunEnd) => Object.values(end.streams).reduce((n, s) => n + s.length, 0);

const banking = () => bankingWithoutOverdraft();

describe('the same scripted commands end the same on the simulator and on Kafka', () => {
  // Each board with one client, each client once (the test command's time is bounded): the
  // clients share everything but the library behind the export's Transport.
  it('Orders board, kafkajs: both policies\' commands caused events too', async () => {
    expect(eventCount(await sameOnBoth(ordersBoard(), 'kafkajs'))).toBeGreaterThan(COMMANDS);
  }, KAFKAJS_TEST_TIMEOUT_MS);

  it("Banking, Confluent's client: its rules decide, the withdrawal guard both lets money out and refuses it", async () => {
    const types = eventTypes(await sameOnBoth(banking(), 'confluent'));
    expect(types.has('MoneyWithdrawn') && types.has('WithdrawalRejected')).toBe(true);
  }, CONFLUENT_TEST_TIMEOUT_MS);
});
