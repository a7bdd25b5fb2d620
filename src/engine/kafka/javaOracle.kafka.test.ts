// Kafka's own Java client (4.4) as the oracle for the engine's pure functions: murmur2, the
// partition of a keyed record, and the four assignors on seeded random groups. Every case is
// computed on both sides and must be identical; the counts are in the test names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaOracleClasspath } from '../../lib/testing/realKafka';
import { createRng } from '../../lib/rng';
import { assignPartitions, defaultPartition, murmur2, type AssignorName } from '../index';
import { JavaOracle } from '../testing/javaOracle';
import { randomGroup } from '../testing/randomGroups';

const KEYS = 10_000;
const PARTITION_COUNTS = [1, 2, 3, 6, 7, 12, 50, 1000];
const GROUPS_PER_STRATEGY = 2_500;
const SEED = 11;

let oracle: JavaOracle;
beforeAll(() => {
  oracle = JavaOracle.start(kafkaOracleClasspath());
});
afterAll(async () => {
  await oracle.close();
});

/** Random keys: byte strings of every length 0..80, and UTF-8 of strings with non-ASCII text. */
function randomKeys(seed: number, count: number): Uint8Array[] {
  const rng = createRng(seed);
  const enc = new TextEncoder();
  const keys: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      const bytes = new Uint8Array(rng.int(81));
      for (let j = 0; j < bytes.length; j++) bytes[j] = rng.int(256);
      keys.push(bytes);
    } else {
      let s = '';
      const len = rng.int(40);
      for (let j = 0; j < len; j++) s += String.fromCodePoint(rng.chance(0.8) ? 32 + rng.int(95) : rng.pick([0xe9, 0x4e2d, 0x1f600, 0x3b1, 0x0]));
      keys.push(enc.encode(s));
    }
  }
  return keys;
}

describe('keyed placement against Kafka 4.4 Utils.murmur2 and BuiltInPartitioner.partitionForKey', () => {
  const keys = randomKeys(SEED, KEYS);

  it(`murmur2 of ${KEYS.toLocaleString('en')} random keys (bytes and UTF-8 strings, 0–80 bytes)`, async () => {
    const java = await oracle.murmur2(keys);
    expect(java).toHaveLength(KEYS);
    const differing = keys.map((k, i) => ({ key: Buffer.from(k).toString('hex'), ours: murmur2(k), java: java[i] })).filter((c) => c.ours !== c.java);
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it(`partition of ${KEYS.toLocaleString('en')} keys for ${PARTITION_COUNTS.length} partition counts (${(KEYS * PARTITION_COUNTS.length).toLocaleString('en')} cases)`, async () => {
    const differing: unknown[] = [];
    for (const n of PARTITION_COUNTS) {
      const java = await oracle.partitionForKey(keys, n);
      keys.forEach((k, i) => {
        if (defaultPartition(k, n) !== java[i]) differing.push({ partitions: n, key: Buffer.from(k).toString('hex'), ours: defaultPartition(k, n), java: java[i] });
      });
    }
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it('string keys place as their UTF-8 bytes do', () => {
    const rng = createRng(SEED + 1);
    for (let i = 0; i < 1000; i++) {
      const s = `key-${rng.int(1e9)}-\u00e9\u4e2d`;
      expect(defaultPartition(s, 7)).toBe(defaultPartition(new TextEncoder().encode(s), 7));
    }
  });
});

const STRATEGIES: AssignorName[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

describe('assignors against Kafka 4.4 (AbstractPartitionAssignor.assignPartitions)', () => {
  for (const strategy of STRATEGIES) {
    for (const equalSubscriptions of [true, false]) {
      const count = GROUPS_PER_STRATEGY / 2;
      it(`${strategy}: ${count.toLocaleString('en')} random groups, ${equalSubscriptions ? 'equal' : 'differing'} subscriptions, static members, first joins and rejoins with owned partitions and generations`, async () => {
        const differing: unknown[] = [];
        let kafkaThrew = 0;
        for (let i = 0; i < count; i++) {
          const seed = SEED * 1_000_003 + i * 7 + (equalSubscriptions ? 1 : 2) + STRATEGIES.indexOf(strategy) * 100_000;
          const input = randomGroup(seed, { rejoin: i % 4 !== 0, equalSubscriptions });
          let java;
          try {
            java = await oracle.assign(strategy, input);
          } catch (err) {
            // Kafka's general sticky algorithm throws a NullPointerException on a few rejoins
            // (docs/kafka.md, "Kafka's own client as an oracle"): there is no answer to compare.
            if (strategy.endsWith('sticky') && !equalSubscriptions && String(err).includes('NullPointerException')) {
              kafkaThrew++;
              continue;
            }
            throw err;
          }
          const ours = assignPartitions(strategy, input);
          if (JSON.stringify(ours) !== JSON.stringify(java)) differing.push({ seed, input, ours, java });
        }
        console.log(`${strategy}, ${equalSubscriptions ? 'equal' : 'differing'} subscriptions: ${count - kafkaThrew} groups identical to Kafka's${kafkaThrew ? `, ${kafkaThrew} where Kafka's assignor threw` : ''}`);
        expect(differing.length, JSON.stringify(differing[0])).toBe(0);
        expect(kafkaThrew).toBeLessThanOrEqual(count / 100);
      });
    }
  }
});
