// Kafka allows any header name. kafkajs hands headers to eachMessage as a plain object, so a
// name like "__proto__" or "constructor" (a JSON body parsed into headers may have one) must arrive as an entry of
// that object, with its value, not replace the object's prototype and vanish.
import { describe, expect, it } from 'vitest';
import type { KafkaMessage } from '../index';
import { setup, until } from '../testing/helpers';

describe('header names', () => {
  it('headers named "__proto__" or "constructor" are delivered as a header, and the headers object stays an ordinary one', async () => {
    const { cluster, producer } = await setup('t');
    const headers = JSON.parse('{"__proto__": "p", "constructor": "c", "trace": "t1"}') as Record<string, string>;
    await producer.send({ topic: 't', messages: [{ key: 'k', value: 'v', headers }] });
    const c = cluster.consumer({ groupId: 'g' });
    await c.connect();
    await c.subscribe({ topics: ['t'], fromBeginning: true });
    const seen: KafkaMessage[] = [];
    await c.run({ eachMessage: async ({ message }) => void seen.push(message) });
    await until(cluster, () => seen.length === 1);
    const h = seen[0]!.headers!;
    expect(Object.getPrototypeOf(h)).toBe(Object.prototype);
    expect(Object.keys(h)).toEqual(['__proto__', 'constructor', 'trace']);
    expect(Object.getOwnPropertyDescriptor(h, '__proto__')!.value.toString()).toBe('p');
    expect(h.constructor!.toString()).toBe('c');
    expect(h.trace!.toString()).toBe('t1');
    await c.disconnect();
    await cluster.close();
  });
});
