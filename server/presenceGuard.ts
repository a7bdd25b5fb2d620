// Presence (Yjs awareness) is relayed from one participant to every other, so the server keeps
// only the fields the app reads, with the types it expects: a name is plain text of bounded
// length without control characters, a colour is #rrggbb, the roles are flags, positions and
// the visible area are finite numbers. The app renders names as text (never as markup); this
// is the second fence.
export const MAX_NAME_LENGTH = 40;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function finite(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function cleanName(v: unknown): string {
  if (typeof v !== 'string') return 'Guest';
  // eslint-disable-next-line no-control-regex
  const text = v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
  return text || 'Guest';
}

function cleanPoint(v: unknown): { x: number; y: number } | null {
  if (!isObject(v)) return null;
  const x = finite(v.x);
  const y = finite(v.y);
  return x === undefined || y === undefined ? null : { x, y };
}

/** The visible part of the board: a top-left point and a positive size, in board coordinates. */
function cleanRect(v: unknown): { x: number; y: number; width: number; height: number } | null {
  const p = cleanPoint(v);
  if (!p || !isObject(v)) return null;
  const width = finite(v.width);
  const height = finite(v.height);
  return width !== undefined && height !== undefined && width > 0 && height > 0 ? { ...p, width, height } : null;
}

function cleanId(v: unknown): string | null {
  return typeof v === 'string' && /^[A-Za-z0-9:_-]{1,80}$/.test(v) ? v : null;
}

/** One participant's presence with only known, well-typed fields (null: gone, or unreadable). */
export function cleanState(state: unknown): Json | null {
  if (!isObject(state)) return null;
  const out: Json = {};
  if (isObject(state.user)) {
    const color = typeof state.user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(state.user.color) ? state.user.color : '#888888';
    out.user = {
      name: cleanName(state.user.name),
      color,
      ...(state.user.facilitator === true ? { facilitator: true } : {}),
      ...(state.user.presenting === true ? { presenting: true } : {}),
    };
  }
  out.cursor = cleanPoint(state.cursor);
  out.editing = cleanId(state.editing);
  if ('view' in state) out.view = cleanRect(state.view);
  return out;
}

/** Rewrites an awareness update's states in place (Hocuspocus's beforeHandleAwareness). */
export function cleanPresence(states: Map<number, unknown>): void {
  // A null state is a participant leaving: it passes unchanged; anything unreadable becomes one.
  for (const [id, state] of states) states.set(id, cleanState(state));
}
