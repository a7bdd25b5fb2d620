// The facilitation session of the open board, mirrored for React: timer (with a clock that
// ticks while it runs), phase, the vote with this browser's own dots, and the ranked results
// once the vote is closed. The state lives in the board's Yjs document (src/collab/
// facilitation.ts), so it is the same for everyone in the room and in every tab.
import { create } from 'zustand';
import * as F from '../collab';
import { ydocOf } from '../model';
import { useBoardStore } from './boardStore';
import { useCollabStore } from './collabStore';
import { useUiStore } from './uiStore';

export interface SessionViewState {
  session: F.SessionState;
  /** Wall clock, refreshed every second while a timer runs. */
  now: number;
  myDots: Readonly<Record<string, number>>;
  results: readonly F.VoteResult[];
  panelOpen: boolean;
}

export interface SessionActions {
  start(): void;
  setPanelOpen(open: boolean): void;
  startTimer(minutes: number): void;
  pauseTimer(): void;
  resumeTimer(): void;
  addMinutes(minutes: number): void;
  stopTimer(): void;
  setPhase(phase: number | null): void;
  openVote(dots: number): void;
  closeVote(): void;
  endVote(): void;
  dot(elementId: string, delta: 1 | -1): void;
  reset(): void;
}

const empty: F.SessionState = { timer: null, phase: null, vote: null };
let detach: (() => void) | null = null;
let stopFollowing: (() => void) | null = null;
let ticker: ReturnType<typeof setInterval> | null = null;

function ydoc() {
  const doc = useBoardStore.getState().doc;
  return doc ? ydocOf(doc) : null;
}

export const useSessionStore = create<SessionViewState & SessionActions>()((set, get) => {
  function refresh(): void {
    const y = ydoc();
    if (!y) return set({ session: empty, myDots: {}, results: [] });
    const session = F.readSession(y);
    const voter = useCollabStore.getState().voterId;
    set({
      session,
      now: Date.now(),
      myDots: F.myDots(y, voter),
      results: session.vote && !session.vote.open ? F.voteResults(y, session.vote.id) : [],
    });
    const running = session.timer?.endsAt != null;
    if (running && !ticker) ticker = setInterval(() => set({ now: Date.now() }), 1000);
    if (!running && ticker) {
      clearInterval(ticker);
      ticker = null;
    }
  }
  function follow(): void {
    detach?.();
    detach = null;
    const y = ydoc();
    if (y) {
      const maps = [y.getMap('session'), y.getMap('votes')];
      for (const m of maps) m.observe(refresh);
      detach = () => maps.forEach((m) => m.unobserve(refresh));
    }
    refresh();
  }
  /** Runs a facilitation change; a refused one (no dots left) becomes a notice. */
  function act(fn: (y: NonNullable<ReturnType<typeof ydoc>>) => void): void {
    const y = ydoc();
    if (!y) return;
    try {
      fn(y);
    } catch (e) {
      if (e instanceof F.FacilitationError) useUiStore.getState().notify({ kind: 'info', message: e.message });
      else throw e;
    }
  }
  return {
    session: empty,
    now: Date.now(),
    myDots: {},
    results: [],
    panelOpen: false,
    start() {
      stopFollowing?.();
      stopFollowing = useBoardStore.subscribe((s, prev) => {
        if (s.doc !== prev.doc) follow();
      });
      follow();
    },
    setPanelOpen: (open) => set({ panelOpen: open }),
    startTimer: (minutes) => act((y) => F.startTimer(y, minutes, Date.now())),
    pauseTimer: () => act((y) => F.pauseTimer(y, Date.now())),
    resumeTimer: () => act((y) => F.resumeTimer(y, Date.now())),
    addMinutes: (minutes) => act((y) => F.addMinutes(y, minutes, Date.now())),
    stopTimer: () => act((y) => F.stopTimer(y)),
    setPhase: (phase) => act((y) => F.setPhase(y, phase)),
    openVote: (dots) => act((y) => F.openVote(y, dots, Math.random().toString(36).slice(2, 10))),
    closeVote: () => act((y) => F.closeVote(y)),
    endVote: () => act((y) => F.endVote(y)),
    dot: (elementId, delta) => act((y) => F.castDot(y, useCollabStore.getState().voterId, elementId, delta)),
    reset() {
      detach?.();
      stopFollowing?.();
      detach = stopFollowing = null;
      if (ticker) clearInterval(ticker);
      ticker = null;
      set({ session: empty, myDots: {}, results: [], panelOpen: false });
    },
  };
});

export { F as facilitation };
