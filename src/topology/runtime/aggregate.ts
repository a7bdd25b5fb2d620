// Shared handler runtime: a generic event-sourced aggregate. decide() validates a command and
// picks its outcome by the board's rules when it has them (guards over the state and the
// command) and otherwise among the aggregate's linked events by weight (the random source is
// injected), apply() folds one event into the state (rehydration is a fold), and
// handleCommand() does load → decide → append with optimistic concurrency → snapshot.
// The simulator runs exactly this code, and every exported service embeds it verbatim,
// so this file imports nothing outside this folder.
import type { EventStore, Snapshot } from './eventStore.js';
import { ConcurrencyError } from './eventStore.js';
import type { CommandEnvelope, EventEnvelope, HandlerEnv, Payload, RuntimeField } from './messages.js';
import { fillPayload, idFromPayload, keyValue, merged, PayloadValidationError, validatePayload } from './messages.js';

export interface EventDefinition {
  readonly fields: readonly RuntimeField[];
  /** Payload field carrying the aggregate id. */
  readonly keyField: string | null;
  readonly schemaVersion: number;
}

export interface Outcome {
  readonly event: string;
  /** Relative weight; an outcome with weight 9 is chosen nine times as often as one with 1. */
  readonly weight: number;
}

export interface CommandDefinition {
  readonly fields: readonly RuntimeField[];
  readonly keyField: string | null;
  readonly outcomes: readonly Outcome[];
}

export interface AggregateDefinition {
  readonly type: string;
  readonly idField: string;
  readonly commands: Readonly<Record<string, CommandDefinition>>;
  readonly events: Readonly<Record<string, EventDefinition>>;
  /** Save a snapshot every N events (0: never). */
  readonly snapshotEvery: number;
  readonly rules?: AggregateRules;
}

/** A rule's decision: the outcome event and the event fields the rule computes. */
export interface RuleDecision {
  readonly event: string;
  readonly fields: Readonly<Payload>;
}

/**
 * The board's rules for an aggregate: state fields and how each event changes them, and per
 * command the guard of each outcome. Functions, because the simulator builds them from the
 * rule text and the export writes them as TypeScript.
 */
export interface AggregateRules {
  /** The state fields before any event. */
  initial(): Payload;
  /** The state fields after `event` (fields it does not change are kept). */
  evolve(state: Readonly<Payload>, event: EventEnvelope): Payload;
  /**
   * The outcome whose guard holds, or null when the command has no rules (then the outcome is
   * drawn by weight). Throws CommandRejectedError when it has rules and no guard holds.
   */
  decide(state: Readonly<Payload>, command: CommandEnvelope): RuleDecision | null;
}

/** A command the rules turn down: no outcome's guard holds. Retrying the same command cannot help. */
export class CommandRejectedError extends Error {
  readonly code = 'COMMAND_REJECTED';
  readonly retriable = false;
  constructor(message: string) {
    super(message);
    this.name = 'CommandRejectedError';
  }
}

/** Generic state: what a board says about an aggregate is its events and their fields. */
export interface AggregateState {
  readonly aggregateId: string;
  /** Number of events applied. */
  readonly version: number;
  /** Latest value of every payload field seen on this aggregate's events. */
  readonly fields: Readonly<Payload>;
  readonly eventCounts: Readonly<Record<string, number>>;
  readonly lastEvent: string | null;
  /** The rules' state fields (absent without rules, and in snapshots written before rules). */
  readonly computed?: Readonly<Payload>;
}

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

export function initialState(aggregateId: string): AggregateState {
  return { aggregateId, version: 0, fields: {}, eventCounts: {}, lastEvent: null };
}

export function apply(def: AggregateDefinition, state: AggregateState, event: EventEnvelope): AggregateState {
  if (!own(def.events, event.type)) throw new PayloadValidationError(`${def.type} has no event ${JSON.stringify(event.type)}`, []);
  if (event.aggregateId !== state.aggregateId) {
    throw new PayloadValidationError(`Event for ${JSON.stringify(event.aggregateId)} applied to ${JSON.stringify(state.aggregateId)}`, []);
  }
  const eventCounts = merged(state.eventCounts) as Record<string, number>;
  eventCounts[event.type] = (own(state.eventCounts, event.type) ?? 0) + 1;
  const next: { -readonly [K in keyof AggregateState]: AggregateState[K] } = {
    aggregateId: state.aggregateId,
    version: state.version + 1,
    fields: merged(state.fields, event.payload),
    eventCounts,
    lastEvent: event.type,
  };
  if (def.rules) next.computed = def.rules.evolve(computedState(def, state), event);
  return next;
}

/** The rules' state fields of `state`, starting from their initial values. */
export function computedState(def: AggregateDefinition, state: AggregateState): Payload {
  return def.rules ? merged(def.rules.initial(), state.computed) : {};
}

/** Rebuilds the state from an optional snapshot and the events after it. */
export function rehydrate(
  def: AggregateDefinition,
  aggregateId: string,
  snapshot: Snapshot | null,
  events: readonly EventEnvelope[],
): AggregateState {
  const start = snapshot && snapshot.aggregateId === aggregateId ? snapshot.state : initialState(aggregateId);
  return events.reduce((s, e) => apply(def, s, e), start);
}

/** Index of the outcome chosen for a draw r in [0, 1), proportionally to the weights. */
export function pickOutcome(outcomes: readonly Outcome[], r: number): number {
  const weights = outcomes.map((o) => (Number.isFinite(o.weight) && o.weight > 0 ? o.weight : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let x = r * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** Validates the command and decides the event it leads to; pure given env. */
export function decide(def: AggregateDefinition, state: AggregateState, command: CommandEnvelope, env: HandlerEnv): EventEnvelope[] {
  const cmd = own(def.commands, command.type);
  if (!cmd) throw new PayloadValidationError(`${def.type} does not handle ${JSON.stringify(command.type)}`, []);
  const problems = validatePayload(cmd.fields, command.payload);
  const key = idFromPayload(command.payload, cmd.keyField);
  if (cmd.keyField !== null && key !== null && key !== command.aggregateId) {
    problems.push(`${cmd.keyField} is ${JSON.stringify(key)} but the command is for ${JSON.stringify(command.aggregateId)}`);
  }
  if (problems.length > 0) throw new PayloadValidationError(`${command.type} is invalid: ${problems.join('; ')}`, problems);
  if (cmd.outcomes.length === 0) throw new PayloadValidationError(`${command.type} leads to no event`, []);
  const ruled = def.rules ? def.rules.decide(computedState(def, state), command) : null;
  const outcome = ruled ?? cmd.outcomes[pickOutcome(cmd.outcomes, env.random())]!;
  const eventDef = own(def.events, outcome.event);
  if (!eventDef) throw new PayloadValidationError(`${def.type} has no event ${JSON.stringify(outcome.event)}`, []);
  const keyFieldSpec = eventDef.fields.find((f) => f.name === eventDef.keyField);
  const fixed: Record<string, unknown> = merged(ruled?.fields);
  if (eventDef.keyField !== null) fixed[eventDef.keyField] = keyValue(keyFieldSpec, command.aggregateId);
  const payload = fillPayload(eventDef.fields, [command.payload, state.fields], fixed, env);
  return [
    {
      type: outcome.event,
      aggregateType: def.type,
      aggregateId: command.aggregateId,
      version: state.version + 1,
      schemaVersion: eventDef.schemaVersion,
      timestamp: env.now(),
      payload,
    },
  ];
}

export interface HandleResult {
  readonly events: readonly EventEnvelope[];
  readonly state: AggregateState;
  /** Attempts used: more than 1 means a concurrent writer won at least once. */
  readonly attempts: number;
}

/**
 * The aggregate states a command handler keeps in memory between commands, by aggregate id, as a
 * long-running service keeps its busy aggregates: a command then reads only the events after the
 * cached version, instead of the snapshot and the events after it. The store stays the truth: a
 * cached state is brought up to date by reading after it on every command, and an append refused
 * for its version (another writer, or a log that lost its tail) drops it. Bounded: the least
 * recently used state goes first.
 */
export class AggregateCache {
  /**
   * Entries by aggregate id, chained from the least to the most recently used: a use moves its
   * entry to the end of the chain (no map entry deleted and added again per command).
   */
  private readonly entries = new Map<string, CacheEntry>();
  private oldest: CacheEntry | null = null;
  private newest: CacheEntry | null = null;

  constructor(readonly capacity = 10_000) {}

  get size(): number {
    return this.entries.size;
  }

  get(aggregateId: string): AggregateState | undefined {
    const e = this.entries.get(aggregateId);
    if (!e) return undefined;
    this.touch(e);
    return e.state;
  }

  /** Keeps `state` unless a newer one of the aggregate is already held (a slower writer's answer). */
  set(state: AggregateState): void {
    const held = this.entries.get(state.aggregateId);
    if (held) {
      if (held.state.version >= state.version) return;
      held.state = state;
      this.touch(held);
      return;
    }
    const e: CacheEntry = { id: state.aggregateId, state, older: this.newest, newer: null };
    if (this.newest) this.newest.newer = e;
    else this.oldest = e;
    this.newest = e;
    this.entries.set(e.id, e);
    if (this.entries.size > this.capacity && this.oldest) this.delete(this.oldest.id);
  }

  delete(aggregateId: string): void {
    const e = this.entries.get(aggregateId);
    if (!e) return;
    this.entries.delete(aggregateId);
    this.unlink(e);
  }

  /** Makes `e` the most recently used. */
  private touch(e: CacheEntry): void {
    if (this.newest === e) return;
    this.unlink(e);
    e.older = this.newest;
    e.newer = null;
    if (this.newest) this.newest.newer = e;
    else this.oldest = e;
    this.newest = e;
  }

  private unlink(e: CacheEntry): void {
    if (e.older) e.older.newer = e.newer;
    else this.oldest = e.newer;
    if (e.newer) e.newer.older = e.older;
    else this.newest = e.older;
    e.older = e.newer = null;
  }
}

interface CacheEntry {
  readonly id: string;
  state: AggregateState;
  older: CacheEntry | null;
  newer: CacheEntry | null;
}

/** The cached state brought up to date with `later` (the events after it), or undefined when they do not continue it. */
function caughtUp(def: AggregateDefinition, cached: AggregateState, later: readonly EventEnvelope[]): AggregateState | undefined {
  // Events that do not continue the cached version (retention deleted some) mean a full load.
  if (later.length === 0 || later[0]!.version === cached.version + 1) return later.reduce((s, e) => apply(def, s, e), cached);
  return undefined;
}

/** The aggregate's state from the store: its snapshot and the events after it. */
async function loadFromStore(def: AggregateDefinition, store: EventStore, aggregateId: string): Promise<AggregateState> {
  const snapshot = await store.loadSnapshot(aggregateId);
  const events = await store.read(aggregateId, snapshot?.version ?? 0);
  return rehydrate(def, aggregateId, snapshot, events);
}

export interface HandleOptions {
  /** Attempts when another writer appends first (default 3). */
  readonly maxAttempts?: number;
  /** States kept between commands (one per handler process); without it every command loads from the store. */
  readonly cache?: AggregateCache;
}

/** Load (cached state, or snapshot + later events) → decide → append at the loaded version → maybe snapshot. */
export async function handleCommand(
  def: AggregateDefinition,
  store: EventStore,
  command: CommandEnvelope,
  env: HandlerEnv,
  options: HandleOptions = {},
): Promise<HandleResult> {
  const { maxAttempts = 3, cache } = options;
  const id = command.aggregateId;
  for (let attempt = 1; ; attempt++) {
    // The cached state brought up to date, else snapshot + later events. Read here rather than
    // in a helper: a command handler's every async layer is a promise and a turn per command.
    const cached = cache?.get(id);
    let state = cached ? caughtUp(def, cached, await store.read(id, cached.version)) : undefined;
    if (!state) {
      if (cached) cache!.delete(id);
      state = await loadFromStore(def, store, id);
    }
    const decided = decide(def, state, command, env);
    try {
      await store.append(command.aggregateId, decided, state.version);
    } catch (err) {
      cache?.delete(command.aggregateId);
      if (err instanceof ConcurrencyError && attempt < maxAttempts) continue;
      throw err;
    }
    const next = decided.reduce((s, e) => apply(def, s, e), state);
    cache?.set(next);
    if (def.snapshotEvery > 0 && Math.floor(next.version / def.snapshotEvery) > Math.floor(state.version / def.snapshotEvery)) {
      await store.saveSnapshot({ aggregateId: next.aggregateId, version: next.version, state: next });
    }
    return { events: decided, state: next, attempts: attempt };
  }
}
