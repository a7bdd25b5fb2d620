// Talks to Kafka's Java client (scripts/kafka/oracle/KafkaOracle.java, compiled by the kafka
// project's global set-up) over JSON lines: our murmur2, defaultPartition and assignPartitions
// are checked against Utils.murmur2, BuiltInPartitioner.partitionForKey and Kafka's assignors,
// and admin calls against what a real broker answers Kafka's own Admin client.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Assignment, AssignorInput, AssignorName, TopicPartitionTuple } from '../index';

type Answer = {
  error?: string;
  hashes?: number[];
  partitions?: number[];
  assignment?: Record<string, TopicPartitionTuple[]> | TopicPartitionTuple[];
  ok?: boolean;
  errorCode?: string;
  message?: string;
  handle?: number;
  generation?: number;
  consumed?: [string, number, number][];
  memberError?: string;
};

/** What a real Java consumer in a group holds and has received so far. */
export interface JavaMemberState {
  /** Its partitions, sorted by topic and partition. */
  assignment: TopicPartitionTuple[];
  generation: number;
  /** Every record it received, in order: [topic, partition, offset]. */
  consumed: [string, number, number][];
}

export class JavaOracle {
  private readonly waiting: ((answer: Answer) => void)[] = [];
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const next = this.waiting.shift();
      if (next) next(JSON.parse(line) as Answer);
    });
    child.stderr.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-4000)));
    child.on('exit', (code) => {
      for (const w of this.waiting.splice(0)) w({ error: `the Java oracle exited (${code}): ${this.stderr}` });
    });
  }

  /** Starts `java -cp <classpath> KafkaOracle`. */
  static start(classpath: string): JavaOracle {
    const child = spawn('java', ['-XX:TieredStopAtLevel=1', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-cp', classpath, 'KafkaOracle'], { stdio: ['pipe', 'pipe', 'pipe'] });
    return new JavaOracle(child);
  }

  private async ask(request: object): Promise<Answer> {
    const answer = new Promise<Answer>((resolve) => this.waiting.push(resolve));
    this.child.stdin.write(`${JSON.stringify(request)}\n`);
    const got = await answer;
    if (got.error) throw new Error(`Java oracle: ${got.error}`);
    return got;
  }

  /** Utils.murmur2 of each key. */
  async murmur2(keys: readonly Uint8Array[]): Promise<number[]> {
    return (await this.ask({ op: 'murmur2', keys: keys.map((k) => Buffer.from(k).toString('base64')) })).hashes ?? [];
  }

  /** BuiltInPartitioner.partitionForKey of each key: the partition the Java producer picks. */
  async partitionForKey(keys: readonly Uint8Array[], partitions: number): Promise<number[]> {
    return (await this.ask({ op: 'partition', partitions, keys: keys.map((k) => Buffer.from(k).toString('base64')) })).partitions ?? [];
  }

  /** Kafka's assignor `strategy` on the same group, each member's list sorted like ours. */
  async assign(strategy: AssignorName, input: AssignorInput): Promise<Assignment> {
    const raw = ((await this.ask({ op: 'assign', strategy, topics: input.topics, members: input.members })).assignment ?? {}) as Record<string, TopicPartitionTuple[]>;
    const out: Assignment = {};
    for (const id of Object.keys(raw).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      out[id] = [...(raw[id] ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    }
    return out;
  }

  /** Admin.alterConsumerGroupOffsets on the broker at `bootstrap`: 'OK', or the Kafka error's name (Errors.forException). */
  async alterGroupOffsets(bootstrap: string, groupId: string, topic: string, offsets: Record<number, number>): Promise<{ code: string; message?: string }> {
    const a = await this.ask({ op: 'alterGroupOffsets', bootstrap, groupId, topic, offsets });
    return a.ok ? { code: 'OK' } : { code: a.errorCode ?? 'UNKNOWN', ...(a.message ? { message: a.message } : {}) };
  }

  /**
   * Starts a real KafkaConsumer (classic protocol, Kafka's `strategy` assignor, no auto-commit:
   * it commits synchronously after every poll that returned records) in `groupId` on the broker
   * at `bootstrap`; it polls on its own thread until memberStop. Returns its handle.
   */
  async memberStart(options: { bootstrap: string; groupId: string; clientId: string; topics: string[]; strategy: AssignorName; autoOffsetReset: 'earliest' | 'latest' }): Promise<number> {
    const a = await this.ask({ op: 'memberStart', ...options });
    if (a.handle === undefined) throw new Error('Java oracle: memberStart answered no handle');
    return a.handle;
  }

  async memberState(handle: number): Promise<JavaMemberState> {
    const a = await this.ask({ op: 'memberState', handle });
    if (a.memberError) throw new Error(`Java consumer ${handle} failed: ${a.memberError}`);
    return { assignment: (a.assignment ?? []) as TopicPartitionTuple[], generation: a.generation ?? -1, consumed: a.consumed ?? [] };
  }

  /** Closes the consumer (it leaves the group) and waits for its thread to end. */
  async memberStop(handle: number): Promise<void> {
    await this.ask({ op: 'memberStop', handle });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end();
    await exited;
  }
}
