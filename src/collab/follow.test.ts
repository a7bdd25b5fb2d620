import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { leaderOf, sameViewRect, sameViewport, viewportShowing, viewRectOf, type Viewport } from './follow';
import { participantsOf, type Participant } from './presence';

const LIMITS = { minZoom: 0.05, maxZoom: 3 };

function person(clientId: number, name: string, extra: Partial<Participant> = {}): Participant {
  return { clientId, name, color: '#1971c2', cursor: null, view: null, editing: null, facilitator: false, presenting: false, self: false, ...extra };
}

describe('following a view', () => {
  it('a pane of the same size shows exactly the leader\'s viewport', () => {
    const leader: Viewport = { x: -340, y: 120, zoom: 0.75 };
    const pane = { width: 900, height: 600 };
    const shown = viewportShowing(viewRectOf(leader, pane), pane, LIMITS);
    expect(sameViewport(shown, leader)).toBe(true);
  });

  it('a larger pane (a projector) shows the whole of the leader\'s area, centred, larger', () => {
    const leader: Viewport = { x: 100, y: -50, zoom: 1 };
    const rect = viewRectOf(leader, { width: 900, height: 600 });
    const pane = { width: 1280, height: 640 };
    const shown = viewportShowing(rect, pane, LIMITS);
    // Height limits: 640 / 600.
    expect(shown.zoom).toBeCloseTo(640 / 600, 6);
    const seen = viewRectOf(shown, pane);
    // The leader's area is inside what the follower sees, with the same centre.
    expect(seen.x).toBeLessThanOrEqual(rect.x + 1e-9);
    expect(seen.y).toBeCloseTo(rect.y, 6);
    expect(seen.x + seen.width).toBeGreaterThanOrEqual(rect.x + rect.width - 1e-9);
    expect(seen.x + seen.width / 2).toBeCloseTo(rect.x + rect.width / 2, 6);
    expect(seen.y + seen.height / 2).toBeCloseTo(rect.y + rect.height / 2, 6);
  });

  it('keeps to the board\'s zoom limits', () => {
    const pane = { width: 1000, height: 500 };
    expect(viewportShowing({ x: 0, y: 0, width: 10, height: 5 }, pane, LIMITS).zoom).toBe(3);
    expect(viewportShowing({ x: 0, y: 0, width: 1e6, height: 5e5 }, pane, LIMITS).zoom).toBe(0.05);
  });

  it('tells a real move from noise', () => {
    const a = { x: 0, y: 0, width: 1000, height: 600 };
    expect(sameViewRect(a, { ...a, x: 0.1 })).toBe(true);
    expect(sameViewRect(a, { ...a, x: 5 })).toBe(false);
    expect(sameViewRect(a, { ...a, width: 1100 })).toBe(false);
    expect(sameViewRect(null, null)).toBe(true);
    expect(sameViewRect(a, null)).toBe(false);
    expect(sameViewport({ x: 0, y: 0, zoom: 1 }, { x: 3, y: 0, zoom: 1 })).toBe(false);
  });

  it('the facilitator to follow is another participant who facilitates and is not a projector', () => {
    const me = person(1, 'Ada', { self: true, facilitator: true });
    const projector = person(2, 'Ada', { facilitator: true, presenting: true });
    const bo = person(3, 'Bo');
    const cy = person(4, 'Cy', { facilitator: true });
    expect(leaderOf([me, projector, bo], { kind: 'facilitator' })).toBeNull();
    expect(leaderOf([me, projector, bo, cy], { kind: 'facilitator' })?.clientId).toBe(4);
    expect(leaderOf([me, bo, cy], { kind: 'participant', clientId: 3, name: 'Bo' })?.name).toBe('Bo');
    expect(leaderOf([me, cy], { kind: 'participant', clientId: 3, name: 'Bo' })).toBeNull();
    expect(leaderOf([me], { kind: 'participant', clientId: 1, name: 'Ada' })).toBeNull();
  });

  it('reads views and roles from presence, and nothing malformed', () => {
    const mine = new Awareness(new Y.Doc());
    const doc = new Y.Doc();
    const theirs = new Awareness(doc);
    theirs.setLocalState({ user: { name: 'Cy', color: '#2f9e44', facilitator: true }, view: { x: 10, y: 20, width: 800, height: 450 } });
    mine.setLocalState({ user: { name: 'Ada', color: '#1971c2', presenting: true }, view: { x: 0, y: 0, width: -5, height: 1 } });
    // Copy the other participant's state into this awareness as the network would.
    mine.states.set(theirs.clientID, theirs.getLocalState()!);
    const [me, cy] = participantsOf(mine);
    expect(me).toMatchObject({ self: true, presenting: true, facilitator: false, view: null });
    expect(cy).toMatchObject({ self: false, facilitator: true, presenting: false, view: { x: 10, y: 20, width: 800, height: 450 } });
  });
});
