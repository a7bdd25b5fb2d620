// The payloads kafkajs hands to eachMessage and eachBatch, including the Batch helpers
// (firstOffset, lastOffset, offsetLag...).
import type { KafkaMessage } from './types';

export class BatchView {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly highWatermark: string,
    readonly messages: KafkaMessage[],
  ) {}
  isEmpty(): boolean {
    return this.messages.length === 0;
  }
  firstOffset(): string | null {
    return this.messages[0]?.offset ?? null;
  }
  lastOffset(): string {
    const last = this.messages[this.messages.length - 1];
    return last ? last.offset : String(Number(this.highWatermark) - 1);
  }
  /** Lag behind the high watermark after the last message of this batch. */
  offsetLag(): string {
    return String(Math.max(0, Number(this.highWatermark) - 1 - Number(this.lastOffset())));
  }
  offsetLagLow(): string {
    const first = this.firstOffset();
    return String(first === null ? 0 : Math.max(0, Number(this.highWatermark) - 1 - Number(first)));
  }
}

export interface EachMessagePayload {
  topic: string;
  partition: number;
  message: KafkaMessage;
  heartbeat(): Promise<void>;
  pause(): () => void;
}

export interface EachBatchPayload {
  batch: BatchView;
  resolveOffset(offset: string): void;
  heartbeat(): Promise<void>;
  pause(): () => void;
  commitOffsetsIfNecessary(offsets?: { topics: { topic: string; partitions: { partition: number; offset: string }[] }[] }): Promise<void>;
  uncommittedOffsets(): { topics: { topic: string; partitions: { partition: number; offset: string }[] }[] };
  isRunning(): boolean;
  isStale(): boolean;
}
