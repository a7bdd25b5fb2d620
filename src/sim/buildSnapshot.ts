// Assembles the UI's snapshot of a board run from the cluster, the groups, the services and
// the read-model tables. Kept apart from the run itself so the snapshot's shape is one place.
import type { Topology } from '../topology';
import type { LiveReadModel } from './liveReadModel';
import type { Cluster, StampedEvent } from './engineApi';
import type { FlowCounters } from './flowCounters';
import type { GroupRole } from './groupRoles';
import type { SimState } from './lifecycle';
import { topicMinInsync, type SimOptions } from './options';
import type { ServiceInstances } from './serviceInstances';
import type { GroupView, ReadModelView, SimSnapshot, StickyLive } from './simSnapshot';
import type { LagHealthView } from './lagHealth/lagHealthTracker';

export interface SnapshotInputs {
  state: SimState;
  options: SimOptions;
  topology: Topology;
  cluster: Cluster | null;
  roles: readonly GroupRole[];
  instances: ServiceInstances | null;
  flow: FlowCounters;
  tables: ReadonlyMap<string, LiveReadModel>;
  timeline: readonly StampedEvent[];
  rates: { topics: Record<string, number>; groups: Record<string, number> };
  /** Each group's lag health (Burrow's rules), once the run has sampled it. */
  health?: (groupId: string) => LagHealthView | null;
}

const MAX_COLUMNS = 5;

export function describeKeys(o: SimOptions): string {
  return o.keys.kind === 'uniform' ? `uniform over ${o.aggregateIds}` : `Zipf s=${o.keys.exponent} over ${o.aggregateIds}`;
}

export function buildSnapshot(x: SnapshotInputs): SimSnapshot {
  const o = x.options;
  const c = x.cluster?.snapshot() ?? null;
  const groupsById = new Map((c?.groups ?? []).map((g) => [g.groupId, g]));
  const partitionsOf = new Map<string, { partition: number; logStart: number; highWatermark: number }[]>();
  for (const p of c?.partitions ?? []) partitionsOf.set(p.topic, [...(partitionsOf.get(p.topic) ?? []), p]);
  const groups: GroupView[] = x.roles.map((r) => {
    const g = groupsById.get(r.groupId);
    const ep = g?.lastRebalance ?? null;
    // A group with neither members nor commits yet (a restored run, paused) still reads its
    // topics: from the log start, as auto.offset.reset=earliest will have it.
    const lag: Record<string, number> = { ...(g?.lag ?? {}) };
    let totalLag = g?.totalLag ?? 0;
    for (const t of r.topics) {
      for (const p of partitionsOf.get(t) ?? []) {
        const k = `${t}-${p.partition}`;
        if (k in lag) continue;
        lag[k] = p.highWatermark - p.logStart;
        totalLag += lag[k];
      }
    }
    return {
      groupId: r.groupId,
      serviceId: r.serviceId,
      kind: r.kind,
      label: r.label,
      topics: r.topics,
      state: g?.state ?? 'Empty',
      generation: g?.generation ?? 0,
      protocol: g?.protocol ?? (o.assignor === 'cooperative-sticky' ? 'cooperative' : 'eager'),
      assignor: g?.assignor ?? o.assignor,
      members: (g?.members ?? []).map((m) => ({ id: m.id, state: m.state, assignment: m.assignment })),
      committed: g?.committed ?? {},
      lag,
      totalLag,
      handled: x.flow.handled.get(r.groupId) ?? 0,
      rebalancing: g?.rebalancing ?? false,
      lastRebalance: ep ? { reason: ep.reason, protocol: ep.protocol, maxPauseMs: ep.maxPauseMs, stallMs: ep.stallMs, finishedAt: ep.finishedAt } : null,
      health: x.health?.(r.groupId) ?? null,
    };
  });
  const readModels: ReadModelView[] = x.topology.projectors.map((p) => {
    const table = x.tables.get(p.elementId);
    const recent = table?.recent(o.maxRowsPerReadModel) ?? [];
    // The read model's computed fields first: they are what it is for (Balance's balance).
    const columns: string[] = p.columns.map((c) => c.name).slice(0, MAX_COLUMNS);
    for (const row of recent) for (const k of Object.keys(row.fields)) if (!columns.includes(k) && columns.length < MAX_COLUMNS) columns.push(k);
    return {
      id: p.elementId,
      label: p.label,
      rowCount: table?.count ?? 0,
      columns,
      rows: recent.map((row) => ({ id: row.id, version: row.version, lastEvent: row.lastEvent, cells: columns.map((k) => cell(row.fields[k])) })),
    };
  });
  const f = x.flow;
  return {
    state: x.state,
    at: c?.at ?? 0,
    speed: o.speed,
    seed: o.seed,
    source: 'board',
    boardName: x.topology.boardName,
    brokers: c?.brokers ?? [],
    partitions: (c?.partitions ?? []).map((p) => ({ ...p, minInsync: topicMinInsync(o, p.replicas.length) })),
    counters: {
      produced: c?.counters.produced ?? 0,
      acknowledged: c?.counters.acknowledged ?? 0,
      unacknowledged: c?.counters.unacknowledged ?? 0,
      consumed: c?.counters.consumed ?? 0,
      lost: c?.counters.lost ?? 0,
      duplicated: c?.counters.duplicated ?? 0,
      commandsIssued: f.commandsIssued,
      sendErrors: f.sendErrors,
      sendRetries: f.sendRetries,
      handlerErrors: f.handlerErrors,
      commandsRejected: f.commandsRejected,
      conflicts: f.conflicts,
      oldProducerEvents: f.oldProducerEvents,
      oldConsumerReads: f.oldConsumerReads,
      oldConsumerFailures: f.oldConsumerFailures,
    },
    groups,
    services: x.instances?.views() ?? [],
    readModels,
    timeline: [...x.timeline],
    flow: { topicRates: x.rates.topics, groupRates: x.rates.groups },
    outcomes: Object.fromEntries(f.outcomes),
    experiment: null,
    stickies: stickyFigures(x.topology, f, new Map(groups.map((g) => [g.groupId, g.totalLag]))),
    assignor: o.assignor,
    acks: o.acks,
    commandsPerSecond: o.commandsPerSecond,
    keys: describeKeys(o),
  };
}

/** Counts and lags of the stickies that handle or carry records, for their badges. */
export function stickyFigures(t: Topology, f: FlowCounters, lagOf: ReadonlyMap<string, number>): StickyLive[] {
  const lag = (groupId: string | null | undefined) => (groupId ? (lagOf.get(groupId) ?? null) : null);
  const handlerGroup = new Map<string, string | null>([...t.aggregates.map((a) => [a.elementId, a.groupId] as const), ...t.externalSystems.map((e) => [e.elementId, e.groupId] as const)]);
  const out: StickyLive[] = [];
  for (const c of t.commands) out.push({ elementId: c.elementId, count: f.commands.get(c.typeName) ?? 0, lag: lag(c.handler ? handlerGroup.get(c.handler.elementId) : null) });
  for (const e of t.events) {
    const readers = [...t.policies.filter((p) => p.triggers.includes(e.elementId)), ...t.projectors.filter((p) => p.events.includes(e.elementId))];
    const lags = readers.map((r) => lag(r.groupId)).filter((v): v is number => v !== null);
    out.push({ elementId: e.elementId, count: f.outcomes.get(e.typeName) ?? 0, lag: lags.length > 0 ? Math.max(...lags) : null });
  }
  for (const p of [...t.policies, ...t.projectors]) out.push({ elementId: p.elementId, count: f.handled.get(p.groupId) ?? 0, lag: lag(p.groupId) });
  return out;
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  // Timestamps (ms since the epoch) read better as times of day.
  if (typeof v === 'number' && v > 1e12 && v < 1e13 && Number.isInteger(v)) return new Date(v).toISOString().slice(11, 23);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 24 ? `${s.slice(0, 8)}…${s.slice(-6)}` : s;
}
