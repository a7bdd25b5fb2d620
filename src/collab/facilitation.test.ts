import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addMinutes,
  castDot,
  closeVote,
  myDots,
  openVote,
  pauseTimer,
  PHASES,
  readSession,
  remainingMs,
  resumeTimer,
  setPhase,
  startTimer,
  voteResults,
} from './facilitation';

function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, o: unknown) => o !== 'peer' && Y.applyUpdate(b, u, 'peer'));
  b.on('update', (u: Uint8Array, o: unknown) => o !== 'peer' && Y.applyUpdate(a, u, 'peer'));
  return { a, b };
}

describe('session timer', () => {
  it('starts, pauses, resumes and takes extra minutes; every peer reads the same time left', () => {
    const { a, b } = pair();
    startTimer(a, 10, 0);
    expect(remainingMs(readSession(b).timer, 60_000)).toBe(9 * 60_000);
    pauseTimer(b, 120_000);
    expect(remainingMs(readSession(a).timer, 999_999)).toBe(8 * 60_000);
    resumeTimer(a, 200_000);
    addMinutes(b, 2, 200_000);
    expect(remainingMs(readSession(a).timer, 260_000)).toBe(9 * 60_000);
    expect(remainingMs(readSession(a).timer, 10_000_000)).toBe(0);
  });
});

describe('phases', () => {
  it('advance through the six EventStorming phases, each with one line for participants', () => {
    const { a, b } = pair();
    expect(PHASES).toHaveLength(6);
    for (const p of PHASES) expect(p.instruction).not.toContain('\n');
    setPhase(a, 3);
    expect(PHASES[readSession(b).phase!]!.name).toBe('Problems and opportunities');
    expect(() => setPhase(a, 6)).toThrow('6 phases');
  });
});

describe('dot voting', () => {
  it('limits each voter to N dots, keeps ballots apart and ranks the results', () => {
    const { a, b } = pair();
    openVote(a, 3, 'v1');
    castDot(a, 'ada', 'el:x', 1);
    castDot(a, 'ada', 'el:x', 1);
    castDot(a, 'ada', 'el:y', 1);
    expect(() => castDot(a, 'ada', 'el:z', 1)).toThrow('all 3 dots');
    castDot(a, 'ada', 'el:y', -1);
    castDot(b, 'bo', 'el:y', 1);
    castDot(b, 'bo', 'el:z', 1);
    castDot(b, 'bo', 'el:z', 1);
    expect(myDots(b, 'bo')).toEqual({ 'el:y': 1, 'el:z': 2 });
    closeVote(b);
    expect(() => castDot(a, 'ada', 'el:z', 1)).toThrow('No vote is open');
    expect(voteResults(a, 'v1')).toEqual([
      { elementId: 'el:x', dots: 2 },
      { elementId: 'el:z', dots: 2 },
      { elementId: 'el:y', dots: 1 },
    ]);
    expect(voteResults(b, 'v1')).toEqual(voteResults(a, 'v1'));
    // A new vote starts from no dots.
    openVote(a, 2, 'v2');
    expect(myDots(a, 'ada')).toEqual({});
    expect(voteResults(a, 'v2')).toEqual([]);
  });
});
