// Kafka's AbstractStickyAssignor.PartitionMovements: remembers, per topic, which partitions moved
// between which pair of members during a general sticky assignment, so that moving a partition
// back the other way picks the partition that came over (keeping each member's partitions sticky).
import { JavaHashSet, javaTopicPartitionHash } from './javaHashOrder';
import { parseTpKey } from './types';

interface Pair {
  readonly src: string;
  readonly dst: string;
}

const pairKey = (p: Pair) => `${p.src}\u0000${p.dst}`;
const topicOf = (k: string) => parseTpKey(k)[0];
const newSet = () =>
  new JavaHashSet<string>(
    (k) => k,
    (k) => {
      const [t, p] = parseTpKey(k);
      return javaTopicPartitionHash(t, p);
    },
  );

export class PartitionMovements {
  private readonly byTopic = new Map<string, Map<string, JavaHashSet<string>>>();
  private readonly movements = new Map<string, Pair>();

  private removeRecord(k: string): Pair {
    const pair = this.movements.get(k)!;
    this.movements.delete(k);
    const topic = topicOf(k);
    const forTopic = this.byTopic.get(topic)!;
    const set = forTopic.get(pairKey(pair))!;
    set.delete(k);
    if (set.size === 0) forTopic.delete(pairKey(pair));
    if (forTopic.size === 0) this.byTopic.delete(topic);
    return pair;
  }

  private addRecord(k: string, pair: Pair): void {
    this.movements.set(k, pair);
    const topic = topicOf(k);
    let forTopic = this.byTopic.get(topic);
    if (!forTopic) this.byTopic.set(topic, (forTopic = new Map()));
    let set = forTopic.get(pairKey(pair));
    if (!set) forTopic.set(pairKey(pair), (set = newSet()));
    set.add(k);
  }

  movePartition(k: string, oldConsumer: string, newConsumer: string): void {
    if (this.movements.has(k)) {
      const existing = this.removeRecord(k);
      // Moving back to where it came from cancels the movement.
      if (existing.src !== newConsumer) this.addRecord(k, { src: existing.src, dst: newConsumer });
    } else {
      this.addRecord(k, { src: oldConsumer, dst: newConsumer });
    }
  }

  actualPartitionToMove(k: string, oldConsumer: string, newConsumer: string): string {
    const topic = topicOf(k);
    const forTopic = this.byTopic.get(topic);
    if (!forTopic) return k;
    const moved = this.movements.get(k);
    const from = moved ? moved.src : oldConsumer;
    const reverse = forTopic.get(pairKey({ src: newConsumer, dst: from }));
    return reverse?.first() ?? k;
  }
}
