// The log cleaner: one pass applies retention to every partition and compacts compacted
// topics. It runs on its own schedule on the cluster's clock (so a virtual clock's advance()
// runs it) and on demand through admin.runCleaner().
import type { Clock, TimerId } from '../../lib/clock';
import { compact } from '../log/compaction';
import { applyRetention } from '../log/retention';
import type { Segment } from '../log/segment';
import type { Engine } from './engine';
import { isCompacted } from '../log/topicConfig';

export interface CleanerReport {
  segmentsDeleted: number;
  partitionsCompacted: number;
  recordsRemoved: number;
}

export class LogCleaner {
  private timer: TimerId | undefined;
  private running: Promise<CleanerReport> | undefined;
  private readonly tombstoneHints = new WeakMap<Segment, number>();

  constructor(
    private readonly engine: Engine,
    private readonly clock: Clock,
    readonly intervalMs: number,
    /** Wall-clock time at clock 0: record timestamps are compared with this plus the clock. */
    private readonly epochMs = 0,
  ) {}

  start(): void {
    if (this.timer !== undefined || this.intervalMs <= 0) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.engine.track(this.runOnce().catch(() => undefined)).finally(() => {
        if (!this.engine.closed) this.start();
      });
    }, this.intervalMs);
  }

  stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One retention + compaction pass over every partition (one pass at a time). */
  runOnce(): Promise<CleanerReport> {
    if (this.running) return this.running;
    const run = this.pass().finally(() => {
      this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async pass(): Promise<CleanerReport> {
    const report: CleanerReport = { segmentsDeleted: 0, partitionsCompacted: 0, recordsRemoved: 0 };
    for (const t of [...this.engine.topics.values()]) {
      for (const p of t.partitions) {
        let deleted = 0;
        for (const log of p.logs.values()) {
          const now = this.clock.now() + this.epochMs;
          const n = await applyRetention(log, t.config, now);
          deleted += n;
          report.segmentsDeleted += n;
          if (isCompacted(t.config)) {
            const s = await compact(log, t.config, now, this.tombstoneHints);
            if (s.cleaned) {
              report.partitionsCompacted++;
              report.recordsRemoved += s.recordsBefore - s.recordsAfter;
            }
          }
        }
        // Acknowledged records below every in-sync replica's log start can no longer be lost.
        if (deleted > 0) {
          const replicated = this.engine.cluster.core.partition(t.name, p.partition);
          if (replicated) this.engine.cluster.core.forgetDeleted(replicated);
        }
      }
    }
    return report;
  }
}
