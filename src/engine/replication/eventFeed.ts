// What happened in the cluster, with simulated timestamps, for the UI's timeline and for tests:
// a bounded ring so a long run never grows memory, with a sequence number to read "since".
export type ClusterEvent =
  | { type: 'leader-elected'; topic: string; partition: number; leader: number; epoch: number; unclean: boolean; reason: string }
  | { type: 'partition-offline'; topic: string; partition: number; reason: string }
  | { type: 'isr-shrunk'; topic: string; partition: number; removed: number; isr: number[] }
  | { type: 'isr-expanded'; topic: string; partition: number; added: number; isr: number[] }
  | { type: 'truncated'; topic: string; partition: number; broker: number; to: number; removed: number; by: 'leader-epoch' | 'high-watermark' | 'offset-out-of-range' }
  | { type: 'records-lost' | 'records-recovered'; topic: string; partition: number; count: number; offsets: number[] }
  | { type: 'broker-stopped' | 'broker-started' | 'broker-crashed' | 'broker-isolated' | 'broker-fenced' | 'broker-unfenced'; broker: number; detail?: string }
  | { type: 'broker-slowed'; broker: number; delayMs: number }
  | { type: 'healed'; brokers: number[] }
  | { type: 'rebalance-started'; group: string; generation: number; protocol: 'eager' | 'cooperative'; reason: string }
  | { type: 'rebalance-finished'; group: string; generation: number; pausedMs: number; members: number }
  | { type: 'member-joined' | 'member-left' | 'member-expired'; group: string; member: string; reason?: string }
  | { type: 'partitions-revoked' | 'partitions-assigned'; group: string; member: string; partitions: string[] };

export type StampedEvent = ClusterEvent & { seq: number; at: number };

export class EventFeed {
  /** Oldest first; trimmed in chunks so a full feed does not shift on every push. */
  private ring: StampedEvent[] = [];
  private seq = 0;
  constructor(
    private readonly capacity: number,
    private readonly now: () => number,
  ) {}

  push(event: ClusterEvent): StampedEvent {
    const stamped = { ...event, seq: ++this.seq, at: this.now() } as StampedEvent;
    this.ring.push(stamped);
    if (this.ring.length >= this.capacity * 1.5) this.ring = this.ring.slice(this.ring.length - this.capacity);
    for (const l of this.listeners) l(stamped);
    return stamped;
  }

  private readonly listeners = new Set<(e: StampedEvent) => void>();

  subscribe(listener: (e: StampedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events with seq > `since` still kept (at most `capacity`), oldest first. */
  since(since = 0): StampedEvent[] {
    const kept = this.ring.length > this.capacity ? this.ring.slice(this.ring.length - this.capacity) : this.ring;
    return kept.filter((e) => e.seq > since);
  }

  lastSeq(): number {
    return this.seq;
  }
}
