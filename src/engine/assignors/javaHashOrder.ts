// Where Kafka's sticky assignor iterates a java.util.HashMap/HashSet, its result depends on that
// iteration order. To give the same assignment as the Java client we reproduce the order:
// buckets by (h ^ h >>> 16) & (capacity - 1), insertion order inside a bucket, capacity 16
// doubling whenever size exceeds 0.75 × capacity (tree bins never reorder iteration here).

/** java.lang.String.hashCode as a signed 32-bit int. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** org.apache.kafka.common.TopicPartition.hashCode. */
export function javaTopicPartitionHash(topic: string, partition: number): number {
  return (Math.imul(31, (31 + partition) | 0) + javaStringHash(topic)) | 0;
}

export function javaHashMapCapacity(maxSize: number, initial = 16): number {
  let cap = initial;
  while (maxSize > cap * 0.75) cap *= 2;
  return cap;
}

function bucket(hash: number, capacity: number): number {
  return (hash ^ (hash >>> 16)) & (capacity - 1);
}

/** Keys in the order a HashMap filled in `insertionOrder` would iterate them. */
export function javaHashOrder<T>(insertionOrder: readonly T[], hashOf: (item: T) => number, capacity = javaHashMapCapacity(insertionOrder.length)): T[] {
  return insertionOrder
    .map((item, index) => ({ item, index, b: bucket(hashOf(item), capacity) }))
    .sort((x, y) => x.b - y.b || x.index - y.index)
    .map((x) => x.item);
}

/** A HashSet whose first() matches Java's iterator().next(): capacity only grows, as in Java. */
export class JavaHashSet<T> {
  private readonly items = new Map<string, { item: T; hash: number }>();
  private capacity = 16;
  constructor(
    private readonly keyOf: (item: T) => string,
    private readonly hashOf: (item: T) => number,
  ) {}

  add(item: T): void {
    const key = this.keyOf(item);
    if (!this.items.has(key)) this.items.set(key, { item, hash: this.hashOf(item) });
    this.capacity = javaHashMapCapacity(this.items.size, this.capacity);
  }

  delete(item: T): void {
    this.items.delete(this.keyOf(item));
  }

  get size(): number {
    return this.items.size;
  }

  first(): T | undefined {
    let best: T | undefined;
    let bestBucket = Infinity;
    for (const { item, hash } of this.items.values()) {
      const b = bucket(hash, this.capacity);
      if (b < bestBucket) {
        bestBucket = b;
        best = item;
      }
    }
    return best;
  }
}
