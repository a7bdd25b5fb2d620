// The facilitator's tools, kept in the board's Yjs document beside the board (root maps
// "session" and "votes", outside undo) so every participant sees the same timer, phase and
// vote live and a reload keeps them: a session timer, the EventStorming phases as a guided
// sequence, and dot voting. Voters are random ids, never names; the app shows nobody's dots
// but your own until the vote is closed, then the ranked results.
import type * as Y from 'yjs';

export const FACILITATION_ORIGIN = Symbol('stormbench:facilitation');

export interface Phase {
  name: string;
  /** One line for participants. */
  instruction: string;
}

export const PHASES: readonly Phase[] = [
  { name: 'Chaotic exploration', instruction: 'Everyone writes domain events (orange, past tense) and puts them on the board. No discussion yet.' },
  { name: 'Enforcing the timeline', instruction: 'Move events into the order they happen, left to right; remove duplicates together.' },
  { name: 'People and systems', instruction: 'Add actors (yellow) and external systems (pink) where they take part in the flow.' },
  { name: 'Problems and opportunities', instruction: 'Mark problems and questions with hotspots; then vote with your dots on the ones that matter most.' },
  { name: 'Pivotal events', instruction: 'Pick the few events that change everything after them, and draw the boundaries they suggest.' },
  { name: 'Process and software design', instruction: 'Add commands, policies, aggregates and read models around the events, context by context.' },
];

export interface TimerState {
  /** Epoch ms when it runs out, while running. */
  endsAt: number | null;
  /** Time left while paused (or when it ran out: 0). */
  remainingMs: number;
}

export interface VoteState {
  id: string;
  open: boolean;
  dotsPerPerson: number;
}

export interface SessionState {
  timer: TimerState | null;
  phase: number | null;
  vote: VoteState | null;
}

export class FacilitationError extends Error {
  readonly code: string;
  readonly retriable = false;
  constructor(message: string, code: string) {
    super(message);
    this.name = 'FacilitationError';
    this.code = code;
  }
}

const session = (ydoc: Y.Doc) => ydoc.getMap<unknown>('session');
const votes = (ydoc: Y.Doc) => ydoc.getMap<Record<string, number>>('votes');
const write = (ydoc: Y.Doc, fn: () => void) => ydoc.transact(fn, FACILITATION_ORIGIN);

export function readSession(ydoc: Y.Doc): SessionState {
  const s = session(ydoc);
  const timer = s.get('timer') as TimerState | undefined;
  const phase = s.get('phase');
  const vote = s.get('vote') as VoteState | undefined;
  return { timer: timer ?? null, phase: typeof phase === 'number' ? phase : null, vote: vote ?? null };
}

export function remainingMs(timer: TimerState | null, now: number): number {
  if (!timer) return 0;
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now);
}

export function startTimer(ydoc: Y.Doc, minutes: number, now: number): void {
  if (!(minutes > 0)) throw new FacilitationError('A timer needs a positive number of minutes', 'INVALID_MINUTES');
  write(ydoc, () => session(ydoc).set('timer', { endsAt: now + minutes * 60_000, remainingMs: minutes * 60_000 }));
}

export function pauseTimer(ydoc: Y.Doc, now: number): void {
  const { timer } = readSession(ydoc);
  if (!timer || timer.endsAt === null) return;
  write(ydoc, () => session(ydoc).set('timer', { endsAt: null, remainingMs: remainingMs(timer, now) }));
}

export function resumeTimer(ydoc: Y.Doc, now: number): void {
  const { timer } = readSession(ydoc);
  if (!timer || timer.endsAt !== null || timer.remainingMs <= 0) return;
  write(ydoc, () => session(ydoc).set('timer', { endsAt: now + timer.remainingMs, remainingMs: timer.remainingMs }));
}

export function addMinutes(ydoc: Y.Doc, minutes: number, now: number): void {
  const { timer } = readSession(ydoc);
  if (!timer) return startTimer(ydoc, minutes, now);
  const extra = minutes * 60_000;
  const left = remainingMs(timer, now);
  // A timer that ran out starts again with the added minutes.
  const running = timer.endsAt !== null;
  write(ydoc, () => session(ydoc).set('timer', running ? { endsAt: now + left + extra, remainingMs: left + extra } : { endsAt: null, remainingMs: left + extra }));
}

export function stopTimer(ydoc: Y.Doc): void {
  write(ydoc, () => session(ydoc).delete('timer'));
}

export function setPhase(ydoc: Y.Doc, phase: number | null): void {
  if (phase !== null && (!Number.isInteger(phase) || phase < 0 || phase >= PHASES.length))
    throw new FacilitationError(`There are ${PHASES.length} phases`, 'INVALID_PHASE');
  write(ydoc, () => (phase === null ? session(ydoc).delete('phase') : session(ydoc).set('phase', phase)));
}

export function openVote(ydoc: Y.Doc, dotsPerPerson: number, id: string): void {
  if (!Number.isInteger(dotsPerPerson) || dotsPerPerson < 1 || dotsPerPerson > 20)
    throw new FacilitationError('Give each person from 1 to 20 dots', 'INVALID_DOTS');
  write(ydoc, () => session(ydoc).set('vote', { id, open: true, dotsPerPerson }));
}

export function closeVote(ydoc: Y.Doc): void {
  const { vote } = readSession(ydoc);
  if (!vote || !vote.open) return;
  write(ydoc, () => session(ydoc).set('vote', { ...vote, open: false }));
}

export function endVote(ydoc: Y.Doc): void {
  write(ydoc, () => session(ydoc).delete('vote'));
}

const ballotKey = (voteId: string, voter: string) => `${voteId}|${voter}`;

/** One voter's dots in the current vote, by sticky. */
export function myDots(ydoc: Y.Doc, voter: string): Record<string, number> {
  const { vote } = readSession(ydoc);
  return vote ? { ...(votes(ydoc).get(ballotKey(vote.id, voter)) ?? {}) } : {};
}

/** Adds (delta 1) or takes back (delta -1) one of this voter's dots on a sticky. */
export function castDot(ydoc: Y.Doc, voter: string, elementId: string, delta: 1 | -1): void {
  const { vote } = readSession(ydoc);
  if (!vote?.open) throw new FacilitationError('No vote is open', 'NO_VOTE');
  const mine = myDots(ydoc, voter);
  const used = Object.values(mine).reduce((a, b) => a + b, 0);
  if (delta > 0 && used >= vote.dotsPerPerson) throw new FacilitationError(`You have placed all ${vote.dotsPerPerson} dots`, 'NO_DOTS_LEFT');
  const next = (mine[elementId] ?? 0) + delta;
  if (next < 0) return;
  if (next === 0) delete mine[elementId];
  else mine[elementId] = next;
  write(ydoc, () => votes(ydoc).set(ballotKey(vote.id, voter), mine));
}

export interface VoteResult {
  elementId: string;
  dots: number;
}

/** Dots per sticky in a vote, most first (ties by id, so every participant ranks alike). */
export function voteResults(ydoc: Y.Doc, voteId: string): VoteResult[] {
  const totals = new Map<string, number>();
  for (const [key, ballot] of votes(ydoc).entries()) {
    if (!key.startsWith(`${voteId}|`)) continue;
    for (const [el, n] of Object.entries(ballot)) if (n > 0) totals.set(el, (totals.get(el) ?? 0) + n);
  }
  return [...totals].map(([elementId, dots]) => ({ elementId, dots })).sort((a, b) => b.dots - a.dots || a.elementId.localeCompare(b.elementId));
}
