// Grouping the cluster's event feed into incidents led by their cause: a broker stop (the
// engine writes its elections first and the stop itself last) becomes one incident titled
// "Broker 1 stopped"; a restart is good news; groups' rebalances are incidents of their own.
import { describe, expect, it } from 'vitest';
import type { StampedEvent } from '../store/simStore';
import { groupIncidents, toneOf } from './incidents';

let seq = 0;
const at = (ms: number, e: Record<string, unknown>) => ({ ...e, seq: ++seq, at: ms }) as unknown as StampedEvent;

// As the engine writes a controlled shutdown of broker 1 (seen in a Banking run).
const stop1 = (t: number): StampedEvent[] => [
  at(t, { type: 'leader-elected', topic: 'a.events', partition: 2, leader: 2, epoch: 1, unclean: false, reason: 'controlled shutdown of broker 1' }),
  at(t, { type: 'leader-elected', topic: 'a.events', partition: 5, leader: 3, epoch: 1, unclean: false, reason: 'controlled shutdown of broker 1' }),
  at(t, { type: 'broker-stopped', broker: 1 }),
  at(t, { type: 'broker-fenced', broker: 1, detail: 'broker 1 shut down' }),
  at(t, { type: 'isr-shrunk', topic: 'a.events', partition: 0, removed: 1, isr: [2, 3] }),
  at(t, { type: 'isr-shrunk', topic: 'a.events', partition: 1, removed: 1, isr: [3, 2] }),
  at(t, { type: 'isr-shrunk', topic: 'a.events', partition: 3, removed: 1, isr: [2, 3] }),
];

describe('groupIncidents', () => {
  it('puts a broker stop under one incident led by the stop, with what followed counted', () => {
    const list = groupIncidents(stop1(3000));
    expect(list).toHaveLength(1);
    const [i] = list;
    expect(i!.title).toBe('Broker 1 stopped');
    expect(i!.tone).toBe('bad');
    expect(i!.at).toBe(3000);
    expect(i!.consequences).toHaveLength(6);
    expect(i!.summary).toBe('fenced · 2 leaders elected · 3 ISRs shrank');
  });

  it('a broker starting is good news, and the ISRs growing back a few ms later belong to it', () => {
    const list = groupIncidents([
      at(8000, { type: 'broker-started', broker: 1 }),
      at(8006, { type: 'isr-expanded', topic: 'a.events', partition: 0, added: 1, isr: [3, 1] }),
      at(8006, { type: 'isr-expanded', topic: 'a.events', partition: 1, added: 1, isr: [3, 1] }),
    ]);
    expect(list.map((i) => [i.title, i.tone, i.summary])).toEqual([['Broker 1 started', 'good', '2 ISRs grew back']]);
  });

  it('splits incidents by time and keeps consumer groups apart from the cluster', () => {
    const list = groupIncidents([
      ...stop1(3000),
      at(3030, { type: 'rebalance-finished', group: 'g1', generation: 1, pausedMs: 0, members: 2 }),
      at(6000, { type: 'broker-stopped', broker: 2 }),
      at(16000, { type: 'member-expired', group: 'g1', member: 'svc-1-1', reason: 'session timed out' }),
      at(16000, { type: 'rebalance-started', group: 'g1', protocol: 'eager', reason: 'svc-1-1 expired' }),
      at(16020, { type: 'rebalance-finished', group: 'g1', generation: 2, pausedMs: 20, members: 1 }),
    ]);
    expect(list.map((i) => i.title)).toEqual([
      'Broker 1 stopped',
      'g1: rebalance finished, generation 1, 2 members, paused 0 ms',
      'Broker 2 stopped',
      'g1: svc-1-1 expired — session timed out',
    ]);
    expect(list[3]!.summary).toBe('1 rebalance started · 1 rebalance finished');
    expect(list.map((i) => i.tone)).toEqual(['bad', 'good', 'bad', 'warn']);
  });

  it('titles a run of one kind by its count, and losing records makes any incident bad news', () => {
    const list = groupIncidents([
      at(100, { type: 'isr-shrunk', topic: 't', partition: 0, removed: 2, isr: [1] }),
      at(100, { type: 'isr-shrunk', topic: 't', partition: 1, removed: 2, isr: [1] }),
      at(900, { type: 'leader-elected', topic: 't', partition: 0, leader: 3, epoch: 2, unclean: true, reason: 'no ISR replica left' }),
      at(900, { type: 'records-lost', topic: 't', partition: 0, count: 7, offsets: [1] }),
    ]);
    expect(list.map((i) => [i.title, i.tone])).toEqual([
      ['2 ISRs shrank', 'warn'],
      ['7 acknowledged records lost', 'bad'],
    ]);
    expect(list[1]!.summary).toBe('1 leader elected');
  });

  it('counts the rebalances of several groups finishing together', () => {
    const list = groupIncidents(['g1', 'g2', 'g3'].map((group) => at(3030, { type: 'rebalance-finished', group, generation: 1, pausedMs: 0, members: 2 })));
    expect(list.map((i) => [i.title, i.summary, i.tone])).toEqual([['3 rebalances finished', '', 'good']]);
  });
});

describe('toneOf', () => {
  it('colours by meaning', () => {
    expect(toneOf(at(0, { type: 'broker-started', broker: 1 }))).toBe('good');
    expect(toneOf(at(0, { type: 'healed', brokers: [1] }))).toBe('good');
    expect(toneOf(at(0, { type: 'broker-crashed', broker: 1 }))).toBe('bad');
    expect(toneOf(at(0, { type: 'leader-elected', unclean: false }))).toBe('info');
    expect(toneOf(at(0, { type: 'leader-elected', unclean: true }))).toBe('bad');
    expect(toneOf(at(0, { type: 'isr-shrunk' }))).toBe('warn');
  });
});
