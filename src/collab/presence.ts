// Presence over Yjs awareness: each participant publishes a name and colour (and whether they
// facilitate, or are a projector in presentation mode), where their cursor is on the board
// (flow coordinates), the part of the board they see, and which sticky they are editing. Names
// are data, shown as text only. The server keeps only these fields (server/presenceGuard.ts).
import type { Awareness } from 'y-protocols/awareness';
import type { ViewRect } from './follow';

export interface PresenceUser {
  name: string;
  color: string;
  /** Runs the session: presentation screens follow this participant's view. */
  facilitator?: boolean;
  /** A read-only presentation screen (a projector), never followed as the facilitator. */
  presenting?: boolean;
}

export interface PresenceState {
  user?: PresenceUser;
  cursor?: { x: number; y: number } | null;
  view?: ViewRect | null;
  editing?: string | null;
}

export interface Participant {
  clientId: number;
  name: string;
  color: string;
  cursor: { x: number; y: number } | null;
  view: ViewRect | null;
  editing: string | null;
  facilitator: boolean;
  presenting: boolean;
  self: boolean;
}

export const MAX_NAME_LENGTH = 40;

/** Colours that read on both themes and stay apart from the sticky colours. */
export const PRESENCE_COLORS = ['#d9480f', '#1971c2', '#2f9e44', '#ae3ec9', '#e8590c', '#0c8599', '#c2255c', '#5f3dc4'];

export function colorFor(seed: string): string {
  let h = 0;
  for (const c of seed) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return PRESENCE_COLORS[h % PRESENCE_COLORS.length]!;
}

export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
}

/** Everyone in the room with a name, this participant first. */
export function participantsOf(awareness: Awareness): Participant[] {
  const out: Participant[] = [];
  for (const [clientId, raw] of awareness.getStates()) {
    const state = raw as PresenceState;
    if (!state.user || typeof state.user.name !== 'string') continue;
    out.push({
      clientId,
      name: cleanName(state.user.name) || 'Guest',
      color: typeof state.user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(state.user.color) ? state.user.color : '#888888',
      cursor: state.cursor && Number.isFinite(state.cursor.x) && Number.isFinite(state.cursor.y) ? { x: state.cursor.x, y: state.cursor.y } : null,
      view: readView(state.view),
      editing: typeof state.editing === 'string' ? state.editing : null,
      facilitator: state.user.facilitator === true,
      presenting: state.user.presenting === true,
      self: clientId === awareness.clientID,
    });
  }
  return out.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

function readView(v: unknown): ViewRect | null {
  if (typeof v !== 'object' || v === null) return null;
  const { x, y, width, height } = v as Record<string, unknown>;
  const ok = [x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n));
  return ok && (width as number) > 0 && (height as number) > 0 ? { x: x as number, y: y as number, width: width as number, height: height as number } : null;
}
