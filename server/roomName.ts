// Which rooms exist is known only to whoever holds a link: a room id is at least 128 random
// bits in base64url, and the sync path names exactly one room.
export const SYNC_PREFIX = '/sync/';
/** 22 base64url characters carry 128 bits; ids are at most 64 characters. */
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export function isRoomId(value: string): boolean {
  return ROOM_ID_PATTERN.test(value);
}

/** The room a sync URL path names, or undefined for any other path. */
export function roomFromPath(pathname: string): string | undefined {
  if (!pathname.startsWith(SYNC_PREFIX)) return undefined;
  const room = pathname.slice(SYNC_PREFIX.length);
  return isRoomId(room) ? room : undefined;
}

/** What logs show of a room: enough to tell rooms apart, too little to join one. */
export function roomTag(room: string): string {
  return `${room.slice(0, 4)}…`;
}
