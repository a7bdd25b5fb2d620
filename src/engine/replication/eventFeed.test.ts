// The event feed stays bounded over a long run and reads "since" a sequence number.
import { describe, expect, it } from 'vitest';
import { EventFeed } from './eventFeed';

describe('EventFeed', () => {
  it('keeps the newest `capacity` events, stamped with sequence and simulated time', () => {
    let now = 0;
    const feed = new EventFeed(10, () => now);
    for (let i = 1; i <= 100; i++) {
      now = i * 5;
      feed.push({ type: 'broker-stopped', broker: i });
    }
    const all = feed.since();
    expect(all).toHaveLength(10);
    expect(all[0]).toMatchObject({ seq: 91, at: 455, broker: 91 });
    expect(feed.since(98).map((e) => e.seq)).toEqual([99, 100]);
    expect(feed.lastSeq()).toBe(100);
  });

  it('tells subscribers about each event as it happens', () => {
    const feed = new EventFeed(5, () => 7);
    const seen: number[] = [];
    const off = feed.subscribe((e) => seen.push(e.seq));
    feed.push({ type: 'healed', brokers: [1] });
    off();
    feed.push({ type: 'healed', brokers: [2] });
    expect(seen).toEqual([1]);
  });
});
