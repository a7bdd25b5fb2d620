// The exported Kafka transport's command handlers (src/platform/kafkaTransport.ts of an export),
// run against a scripted client: what a record under way does when its partition is taken away
// or the group drops the member. A group's rebalance waits until every record under way is
// given back, so a record left waiting (to take its partition over, or to try its transaction
// again) holds up every member of the group. The transport's source is the template exported
// verbatim; only kafkaLibrary.ts (the client library) is replaced by the script.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PLATFORM_SOURCES } from './sources';

/** What the scripted client does; set per test on globalThis (the transport imports it by name). */
interface Script {
  /** Connecting a transactional producer (taking a partition over): resolves when the test says so. */
  connectProducer(): Promise<void>;
  /** A transaction's commit. */
  commit(): Promise<void>;
  heartbeat(): Promise<void>;
  /** Set by the fake consumer: the transport's callbacks and record handler. */
  onAssigned?: (partitions: readonly { topic: string; partition: number }[]) => void;
  onRevoked?: (partitions: readonly { topic: string; partition: number }[]) => void;
  eachMessage?: (payload: unknown) => Promise<void>;
}

declare global {
  var stormbenchScriptedKafka: Script | undefined;
}

const FAKE_LIBRARY = `
export function createKafkaClient() {
  const script = () => globalThis.stormbenchScriptedKafka;
  return {
    library: 'scripted',
    producer: () => ({ connect: async () => {}, send: async () => {}, disconnect: async () => {} }),
    transactionalProducer: () => ({ connect: () => script().connectProducer(), commit: () => script().commit(), disconnect: async () => {} }),
    consumer: (options) => {
      script().onAssigned = options.onAssigned;
      script().onRevoked = options.onRevoked;
      return { connect: async () => {}, subscribe: async () => {}, run: async (_n, each) => { script().eachMessage = each; }, disconnect: async () => {} };
    },
    read: async () => {},
    admin: () => ({ connect: async () => {}, listTopics: async () => [], fetchTopicOffsets: async () => [], createTopics: async () => {}, brokerCount: async () => 1, disconnect: async () => {} }),
  };
}
`;

interface TransportModule {
  KafkaTransport: new (options: { clientId: string; brokers: string[] }) => {
    subscribeTransactional(options: { groupId: string; topics: string[]; partitionsConcurrently?: number }, handler: () => Promise<void>): Promise<unknown>;
  };
}
interface ClientModule {
  MemberNotInGroupError: new (groupId: string, reason: string) => Error;
}

let dir: string;
let transportModule: TransportModule;
let clientModule: ClientModule;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stormbench-transport-'));
  for (const name of ['kafkaTransport.ts', 'kafkaClient.ts', 'transport.ts']) writeFileSync(join(dir, name), PLATFORM_SOURCES[name]!);
  writeFileSync(join(dir, 'kafkaLibrary.ts'), FAKE_LIBRARY);
  transportModule = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'kafkaTransport.ts')).href)) as TransportModule;
  clientModule = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'kafkaClient.ts')).href)) as ClientModule;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  globalThis.stormbenchScriptedKafka = undefined;
});

const never = () => new Promise<never>(() => {});
const PARTITION = { topic: 'account.commands', partition: 0 };
const payload = (heartbeat: () => Promise<void>) => ({
  ...PARTITION,
  message: { key: Buffer.from('a-1'), value: Buffer.from('{}'), headers: {}, timestamp: '0', offset: '7' },
  heartbeat,
});

/** Subscribes a command handler on the script and assigns it the partition. */
async function handlerOn(script: Script, handled: { count: number }): Promise<(payload: unknown) => Promise<void>> {
  globalThis.stormbenchScriptedKafka = script;
  const transport = new transportModule.KafkaTransport({ clientId: 'test', brokers: ['127.0.0.1:9'] });
  await transport.subscribeTransactional({ groupId: 'account.handler', topics: [PARTITION.topic] }, async () => {
    handled.count++;
  });
  script.onAssigned?.([PARTITION]);
  return script.eachMessage!;
}

/** Runs `work` with the transport's retry warnings kept out of the test output. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    return await work();
  } finally {
    warn.mockRestore();
  }
}

/** How a promise settles within `ms`: 'resolved', 'rejected' or 'pending'. */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<'resolved' | 'rejected' | 'pending'> {
  return Promise.race([work.then(() => 'resolved' as const, () => 'rejected' as const), new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))]);
}

describe("a command handler's record under way, when the group moves on", () => {
  it('stops waiting to take its partition over as soon as the partition is revoked (Confluent tells it)', async () => {
    const handled = { count: 0 };
    const script: Script = { connectProducer: never, commit: async () => {}, heartbeat: async () => {} };
    const each = await handlerOn(script, handled);
    const under = each(payload(script.heartbeat));
    expect(await settledWithin(under, 300)).toBe('pending');
    script.onRevoked?.([PARTITION]);
    // Without the revocation ending the wait, it lasted until the takeover's 60 s timeout.
    expect(await settledWithin(under, 1_000)).toBe('rejected');
    await expect(under).rejects.toThrow(/was revoked from this member/);
    expect(handled.count).toBe(0);
  });

  it('stops waiting when the partition is no longer in a new assignment', async () => {
    const handled = { count: 0 };
    const script: Script = { connectProducer: never, commit: async () => {}, heartbeat: async () => {} };
    const each = await handlerOn(script, handled);
    const under = each(payload(script.heartbeat));
    script.onAssigned?.([{ topic: PARTITION.topic, partition: 1 }]);
    expect(await settledWithin(under, 1_000)).toBe('rejected');
    expect(handled.count).toBe(0);
  });

  it('gives the record back at the first failed heartbeat (kafkajs: the group is rebalancing), not after the takeover', async () => {
    const handled = { count: 0 };
    const rebalancing = Object.assign(new Error('The group is rebalancing, so a rejoin is needed'), { type: 'REBALANCE_IN_PROGRESS' });
    const script: Script = { connectProducer: never, commit: async () => {}, heartbeat: () => Promise.reject(rebalancing) };
    const each = await handlerOn(script, handled);
    const under = each(payload(script.heartbeat));
    // The first heartbeat goes out after 1 s.
    expect(await settledWithin(under, 2_500)).toBe('rejected');
    await expect(under).rejects.toBe(rebalancing);
  });

  it('gives the record back at once when the commit says the group no longer counts the member, instead of trying again in place', async () => {
    const handled = { count: 0 };
    let commits = 0;
    const script: Script = {
      connectProducer: async () => {},
      commit: async () => {
        commits++;
        throw new clientModule.MemberNotInGroupError('account.handler', 'Broker: Unknown member');
      },
      heartbeat: async () => {},
    };
    const each = await handlerOn(script, handled);
    const under = each(payload(script.heartbeat));
    expect(await settledWithin(under, 1_000)).toBe('rejected');
    await expect(under).rejects.toThrow(/no longer counts this consumer as its member/);
    expect(commits).toBe(1);
  });

  it('gives up after 60 s even while waiting to take its partition over, so the client fetches again before its poll interval', async () => {
    vi.useFakeTimers();
    try {
      const handled = { count: 0 };
      const script: Script = { connectProducer: never, commit: async () => {}, heartbeat: async () => {} };
      const each = await handlerOn(script, handled);
      let settled: 'resolved' | 'rejected' | 'pending' = 'pending';
      const under = each(payload(script.heartbeat)).then(
        () => (settled = 'resolved'),
        () => (settled = 'rejected'),
      );
      await vi.advanceTimersByTimeAsync(59_000);
      expect(settled).toBe('pending');
      await vi.advanceTimersByTimeAsync(1_500);
      expect(settled).toBe('rejected');
      await under;
      expect(handled.count).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tries a refused transaction again in place while the partition stays assigned', async () => {
    const handled = { count: 0 };
    let commits = 0;
    const script: Script = {
      connectProducer: async () => {},
      commit: async () => {
        if (++commits < 3) throw new Error('CONCURRENT_TRANSACTIONS');
      },
      heartbeat: async () => {},
    };
    const each = await handlerOn(script, handled);
    await quietly(() => each(payload(script.heartbeat)));
    expect(commits).toBe(3);
    expect(handled.count).toBe(3);
  });

  it('stops pausing between attempts when the partition is revoked', async () => {
    const handled = { count: 0 };
    const script: Script = { connectProducer: async () => {}, commit: () => Promise.reject(new Error('NOT_COORDINATOR')), heartbeat: async () => {} };
    const each = await handlerOn(script, handled);
    await quietly(async () => {
      const under = each(payload(script.heartbeat));
      // Attempts pause 0.1, 0.25, 0.5, 1, then 2 s each: by now it pauses for 2 s.
      await new Promise((r) => setTimeout(r, 2_100));
      expect(await settledWithin(under, 10)).toBe('pending');
      script.onRevoked?.([PARTITION]);
      expect(await settledWithin(under, 300)).toBe('rejected');
    });
  });
});
