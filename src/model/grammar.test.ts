import { describe, expect, it } from 'vitest';
import { checkLink, FLOW_HINTS } from './grammar';
import type { ElementKind } from './types';
import { ELEMENT_KINDS } from './types';

const ALLOWED: Array<[ElementKind, ElementKind]> = [
  ['actor', 'command'],
  ['command', 'aggregate'],
  ['command', 'externalSystem'],
  ['aggregate', 'event'],
  ['externalSystem', 'event'],
  ['event', 'policy'],
  ['event', 'readModel'],
  ['policy', 'command'],
  ['readModel', 'actor'],
];

describe('checkLink (EVENTSTORMING.md section 4)', () => {
  it.each(ALLOWED)('allows %s → %s', (s, t) => {
    expect(checkLink(s, t)).toEqual({ allowed: true, hint: FLOW_HINTS[s] });
  });

  it('lets a hotspot annotate anything, in both directions', () => {
    for (const kind of ELEMENT_KINDS) {
      expect(checkLink('hotspot', kind).allowed).toBe(true);
      expect(checkLink(kind, 'hotspot').allowed).toBe(true);
    }
  });

  it('refuses every other pair of kinds', () => {
    let refused = 0;
    for (const s of ELEMENT_KINDS)
      for (const t of ELEMENT_KINDS) {
        if (s === 'hotspot' || t === 'hotspot' || ALLOWED.some(([a, b]) => a === s && b === t)) continue;
        expect(checkLink(s, t).allowed, `${s} → ${t}`).toBe(false);
        refused++;
      }
    expect(refused).toBe(81 - 17 - ALLOWED.length);
  });

  it('explains the usual flow when refusing', () => {
    expect(checkLink('command', 'policy').hint).toBe('A command is handled by an aggregate or an external system; a command does not connect to a policy.');
    expect(checkLink('actor', 'event').hint).toBe('An actor issues a command; an actor does not connect to a domain event.');
    expect(checkLink('event', 'command').hint).toMatch(/^A domain event triggers a policy or updates a read model/);
    expect(checkLink('policy', 'event').hint).toMatch(/^A policy issues a command/);
    expect(checkLink('readModel', 'command').hint).toMatch(/^A read model informs an actor/);
    expect(checkLink('boundedContext', 'event').hint).toMatch(/only a hotspot connects/);
  });
});
