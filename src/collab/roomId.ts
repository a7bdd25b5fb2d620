// Room ids are capabilities: whoever has the link can edit the board, so an id must be
// unguessable. 18 random bytes give 144 bits, written as 24 base64url characters.
const ROOM_BYTES = 18;
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export function newRoomId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(ROOM_BYTES));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function isRoomId(value: string): boolean {
  return ROOM_ID_PATTERN.test(value);
}

/** The link that opens a shared board: the room rides in the fragment, which browsers never send to a server. */
export function boardLink(origin: string, room: string): string {
  return `${origin}/#room=${room}`;
}

/** The room named by a location hash like "#room=…", if it is a valid room id. */
export function roomFromHash(hash: string): string | undefined {
  const match = /(?:^#|&)room=([^&]+)/.exec(hash);
  const room = match?.[1];
  return room && isRoomId(room) ? room : undefined;
}
