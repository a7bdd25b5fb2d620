// What became of a command sent with an id: the HTTP API answers 202 as soon as the cluster has
// the command, and the caller asks GET /commands/{commandId} later. The command handler writes
// the outcome to its service's outcomes topic (keyed by the command id, compacted, kept a day:
// src/platform/topics.ts) in the same transaction as the command's events and offset, so an
// outcome is there exactly when the decision is; every HTTP API process follows the outcomes topics of the commands it
// serves, whichever process handled them, and keeps the latest outcomes in a bounded table.
import { CommandRejectedError } from '../runtime/aggregate.js';
import { PayloadValidationError } from '../runtime/messages.js';
import type { Payload } from '../runtime/messages.js';
import type { WireRecord } from '../runtime/wire.js';
import type { IncomingRecord, Subscription, Transport } from './transport.js';

/**
 * pending: sent, no outcome yet (only the API process that took the command knows it is pending);
 * accepted: the handler decided and its events are written (`events`);
 * rejected: the handler turned it down, nothing written (`reason`: no outcome's guard admits it, or the payload is invalid);
 * failed: the handler could not decide it and will not retry (`reason`: e.g. a rule that divides by zero).
 */
export type CommandStatus = 'pending' | 'accepted' | 'rejected' | 'failed';

export interface CommandOutcome {
  readonly commandId: string;
  readonly status: CommandStatus;
  /** The command type. */
  readonly command: string;
  readonly aggregateId: string;
  readonly reason?: string;
  readonly events?: readonly { readonly type: string; readonly version: number; readonly payload: Payload }[];
}

/** Outcomes one API process keeps (the most recent); older ones answer 404. */
export const OUTCOMES_KEPT = 10_000;

/** The longest a POST may wait for its outcome (?wait=<ms>). */
export const MAX_WAIT_MS = 30_000;

export function outcomeRecord(outcome: CommandOutcome): WireRecord {
  return { key: outcome.commandId, value: JSON.stringify(outcome), headers: { 'content-type': 'application/json', 'command-id': outcome.commandId } };
}

/**
 * The outcome of a command whose handler threw: rejected for a decision (a rule turned it down,
 * an invalid payload), failed for an error that retrying cannot mend (retriable: false), and
 * undefined for anything else (the transport delivers the command again).
 */
export function failureOutcome(err: unknown): { status: 'rejected' | 'failed'; reason: string } | undefined {
  const reason = err instanceof Error ? err.message : String(err);
  if (err instanceof CommandRejectedError || err instanceof PayloadValidationError) return { status: 'rejected', reason };
  if (err instanceof Error && (err as { retriable?: unknown }).retriable === false) return { status: 'failed', reason };
  return undefined;
}

/** The latest outcomes of the commands on some outcomes topics, as one API process knows them. */
export class CommandStatusView {
  private readonly outcomes = new Map<string, CommandOutcome>();
  /** Requests waiting for a command to be decided (each for at most MAX_WAIT_MS). */
  private readonly waiters = new Map<string, Set<(outcome: CommandOutcome | undefined) => void>>();

  constructor(
    private readonly transport: Transport,
    private readonly topics: readonly string[],
    private readonly capacity = OUTCOMES_KEPT,
  ) {}

  /** Follows the outcomes topics from their beginning under `groupId` (unique per process). */
  async start(groupId: string): Promise<Subscription> {
    if (this.topics.length === 0) return { stop: async () => undefined };
    return this.transport.subscribe({ groupId, topics: this.topics, fromBeginning: true }, async (record) => this.observe(record));
  }

  /** A command this process just sent: pending until its outcome arrives. */
  sent(commandId: string, command: string, aggregateId: string): void {
    if (!this.outcomes.has(commandId)) this.keep({ commandId, status: 'pending', command, aggregateId });
  }

  get(commandId: string): CommandOutcome | undefined {
    return this.outcomes.get(commandId);
  }

  /** The command's outcome once decided (not pending), or undefined if that takes longer than `ms`. */
  decided(commandId: string, ms: number): Promise<CommandOutcome | undefined> {
    const known = this.outcomes.get(commandId);
    if (known && known.status !== 'pending') return Promise.resolve(known);
    return new Promise((resolve) => {
      const waiting = this.waiters.get(commandId) ?? new Set();
      this.waiters.set(commandId, waiting);
      const done = (outcome: CommandOutcome | undefined) => {
        clearTimeout(timer);
        waiting.delete(done);
        if (waiting.size === 0) this.waiters.delete(commandId);
        resolve(outcome);
      };
      const timer = setTimeout(() => done(undefined), Math.min(ms, MAX_WAIT_MS));
      waiting.add(done);
    });
  }

  private observe(record: IncomingRecord): void {
    if (record.key === null || record.value === '') return;
    let outcome: CommandOutcome;
    try {
      outcome = JSON.parse(record.value) as CommandOutcome;
    } catch {
      return; // not an outcome this API wrote: nothing to answer with
    }
    if (typeof outcome.commandId === 'string' && typeof outcome.status === 'string') this.keep(outcome);
  }

  private keep(outcome: CommandOutcome): void {
    // Insertion order is age: the oldest outcome goes first once the table is full.
    this.outcomes.delete(outcome.commandId);
    this.outcomes.set(outcome.commandId, outcome);
    if (this.outcomes.size > this.capacity) this.outcomes.delete(this.outcomes.keys().next().value!);
    if (outcome.status !== 'pending') for (const done of [...(this.waiters.get(outcome.commandId) ?? [])]) done(outcome);
  }
}
