// Which sync room a board is shared in. The room id lives in the board's own Yjs document
// (meta.room), so every copy of a shared board — in any browser — knows where to sync, and a
// board opened later from the board menu reconnects by itself. Written outside undo.
import type * as Y from 'yjs';

/** Transaction origin of sharing a board (not an undo step). */
export const SHARE_ORIGIN = Symbol('stormbench:share');

export function roomOf(ydoc: Y.Doc): string | undefined {
  const room = ydoc.getMap('meta').get('room');
  return typeof room === 'string' && room !== '' ? room : undefined;
}

/** Records the room a board is shared in; a board keeps the first room it was given. */
export function setRoom(ydoc: Y.Doc, room: string): string {
  const existing = roomOf(ydoc);
  if (existing) return existing;
  ydoc.transact(() => ydoc.getMap('meta').set('room', room), SHARE_ORIGIN);
  return room;
}

/** The board id and name a Yjs document holds (undefined when it holds no board yet). */
export function boardMetaOf(ydoc: Y.Doc): { id: string; name: string } | undefined {
  const meta = ydoc.getMap('meta');
  const id = meta.get('id');
  if (typeof id !== 'string') return undefined;
  const name = meta.get('name');
  return { id, name: typeof name === 'string' ? name : '' };
}
