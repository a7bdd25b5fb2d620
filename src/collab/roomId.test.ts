import { describe, expect, it } from 'vitest';
import { boardLink, isRoomId, newRoomId, roomFromHash } from './roomId';

describe('room ids and links', () => {
  it('makes 144-bit base64url ids that never repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, newRoomId));
    expect(ids.size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(isRoomId(id)).toBe(true);
    }
  });

  it('puts the room in the fragment and reads it back; anything else is no room', () => {
    const id = newRoomId();
    const link = boardLink('http://10.0.0.5:1234', id);
    expect(link).toBe(`http://10.0.0.5:1234/#room=${id}`);
    expect(roomFromHash(new URL(link).hash)).toBe(id);
    expect(roomFromHash('#room=short')).toBeUndefined();
    expect(roomFromHash('#room=<script>alert(1)</script>aaaaaaaaaaaaaaaaa')).toBeUndefined();
    expect(roomFromHash('')).toBeUndefined();
  });
});
