// Records written per topic and handled per group, the volumes the topology view draws on its
// edges. Plain counters; rates are computed from differences between samples.
export class FlowCounters {
  readonly produced = new Map<string, number>();
  readonly handled = new Map<string, number>();
  sendErrors = 0;
  /** Sends the producer tried again after the leader refused them. */
  sendRetries = 0;
  commandsIssued = 0;
  handlerErrors = 0;
  /** Commands the rules turned down: no outcome's guard admits them (nothing is written). */
  commandsRejected = 0;
  conflicts = 0;
  /** Events written with an earlier schema version by the old producers (options.oldProducers). */
  oldProducerEvents = 0;
  /** Event records an old consumer (the earlier version's reader) read, and could not read. */
  oldConsumerReads = 0;
  oldConsumerFailures = 0;
  readonly outcomes = new Map<string, number>();
  /** Commands handled per command type (by aggregates and external-system sinks). */
  readonly commands = new Map<string, number>();
  /** Commands the rules turned down, per command type. */
  readonly rejections = new Map<string, number>();

  wrote(topic: string, n = 1): void {
    this.produced.set(topic, (this.produced.get(topic) ?? 0) + n);
  }

  handledBy(group: string): void {
    this.handled.set(group, (this.handled.get(group) ?? 0) + 1);
  }

  handledCommand(commandType: string): void {
    this.commands.set(commandType, (this.commands.get(commandType) ?? 0) + 1);
  }

  rejected(commandType: string): void {
    this.commandsRejected++;
    this.rejections.set(commandType, (this.rejections.get(commandType) ?? 0) + 1);
  }

  outcome(eventType: string): void {
    this.outcomes.set(eventType, (this.outcomes.get(eventType) ?? 0) + 1);
  }

  /** Every counter as plain data (a stored run): maps as entry lists. */
  exportState(): Record<string, number | [string, number][]> {
    const out: Record<string, number | [string, number][]> = {};
    for (const [k, v] of Object.entries(this)) {
      if (typeof v === 'number') out[k] = v;
      else if (v instanceof Map) out[k] = [...(v as Map<string, number>)];
    }
    return out;
  }

  restoreState(state: Record<string, number | [string, number][]>): void {
    const self = this as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(state)) {
      const mine = self[k];
      if (typeof v === 'number' && typeof mine === 'number') self[k] = v;
      else if (Array.isArray(v) && mine instanceof Map) {
        mine.clear();
        for (const [key, n] of v) mine.set(key, n);
      }
    }
  }
}
