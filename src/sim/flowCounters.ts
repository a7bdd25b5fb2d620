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
  conflicts = 0;
  readonly outcomes = new Map<string, number>();
  /** Commands handled per command type (by aggregates and external-system sinks). */
  readonly commands = new Map<string, number>();

  wrote(topic: string, n = 1): void {
    this.produced.set(topic, (this.produced.get(topic) ?? 0) + n);
  }

  handledBy(group: string): void {
    this.handled.set(group, (this.handled.get(group) ?? 0) + 1);
  }

  handledCommand(commandType: string): void {
    this.commands.set(commandType, (this.commands.get(commandType) ?? 0) + 1);
  }

  outcome(eventType: string): void {
    this.outcomes.set(eventType, (this.outcomes.get(eventType) ?? 0) + 1);
  }
}
