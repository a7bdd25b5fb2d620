// The workshop server through real sockets: sync both ways, malformed and oversized messages
// refused while every other connection keeps working, limits with a clear reason, one room per
// socket, no listing, one log line per connection, and a restart (or a crash) keeping every room.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CLOSE } from './collabServer';
import { COMPACT_AFTER_UPDATES, RoomStore } from './roomStore';
import { connect, roomId, startServer, synced, tempDirs, waitFor, type Client, type Harness } from './testing/serverHarness';

let dirs: ReturnType<typeof tempDirs>;
let harness: Harness | undefined;
const clients: Client[] = [];

beforeEach(() => {
  dirs = tempDirs();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await harness?.close();
  harness = undefined;
  dirs.remove();
});

function client(room: string, options: { name?: string } = {}): Client {
  const c = connect(harness!.wsUrl, room, options);
  clients.push(c);
  return c;
}

function rawSocket(path: string): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(`${harness!.wsUrl}${path}`);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, closed }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('collaboration server', () => {
  it('relays an edit from one client to another, both ways', async () => {
    harness = await startServer(dirs);
    const room = roomId();
    const a = client(room);
    const b = client(room);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('m').set('from', 'a');
    await waitFor(() => b.doc.getMap('m').get('from') === 'a');
    b.doc.getMap('m').set('reply', 'b');
    await waitFor(() => a.doc.getMap('m').get('reply') === 'b');
  });

  it('refuses malformed messages and keeps serving every room', async () => {
    harness = await startServer(dirs);
    const room = roomId();
    const other = roomId();
    const a = client(room);
    const b = client(other);
    await Promise.all([synced(a), synced(b)]);
    const garbage = [
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      new Uint8Array([3, 0x61, 0x62]),
      // The room's name, then a sync message whose update is not Yjs.
      new Uint8Array([room.length, ...Buffer.from(room), 0, 2, 5, 1, 2, 3, 4, 5]),
    ];
    for (const bytes of garbage) {
      const { ws, closed } = await rawSocket(`/sync/${room}`);
      ws.send(bytes);
      await Promise.race([closed, new Promise((r) => setTimeout(r, 300))]);
      ws.terminate();
    }
    const text = await rawSocket(`/sync/${room}`);
    text.ws.send('hello');
    expect((await text.closed).code).toBe(CLOSE.textFrame);
    a.doc.getMap('m').set('still', 'here');
    const c = client(room);
    await waitFor(() => c.doc.getMap('m').get('still') === 'here');
    b.doc.getMap('m').set('other', 'fine');
    const d = client(other);
    await waitFor(() => d.doc.getMap('m').get('other') === 'fine');
  });

  it('closes a connection that sends a message over the limit; others stay', async () => {
    harness = await startServer({ ...dirs, maxMessageBytes: 64 * 1024 });
    const room = roomId();
    const a = client(room);
    const b = client(room);
    await Promise.all([synced(a), synced(b)]);
    const big = await rawSocket(`/sync/${room}`);
    big.ws.send(new Uint8Array(64 * 1024 + 1));
    expect((await big.closed).code).toBe(CLOSE.tooBig);
    a.doc.getMap('m').set('after', 1);
    await waitFor(() => b.doc.getMap('m').get('after') === 1);
    // A client's own oversized edit is refused the same way, and the room keeps the rest.
    const huge = client(room);
    await synced(huge);
    huge.doc.getMap('m').set('blob', 'x'.repeat(100 * 1024));
    expect((await huge.closed).code).toBe(CLOSE.tooBig);
    a.doc.getMap('m').set('later', 2);
    await waitFor(() => b.doc.getMap('m').get('later') === 2);
    expect(b.doc.getMap('m').has('blob')).toBe(false);
    expect(harness.lines.some((l) => l.includes('refused (message too large)'))).toBe(true);
  });

  it('limits connections per room and rooms per server, with a reason', async () => {
    harness = await startServer({ ...dirs, maxConnectionsPerRoom: 2, maxRooms: 1 });
    const room = roomId();
    const a = client(room);
    const b = client(room);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('m').set('k', 1);
    await waitFor(() => harness!.server.store.has(room));
    const third = await rawSocket(`/sync/${room}`);
    const full = await third.closed;
    expect(full.code).toBe(CLOSE.roomFull);
    expect(full.reason).toMatch(/already has 2 connections/);
    const fresh = await rawSocket(`/sync/${roomId()}`);
    const limit = await fresh.closed;
    expect(limit.code).toBe(CLOSE.tooManyRooms);
    expect(limit.reason).toMatch(/MAX_ROOMS/);
  });

  it('lets a socket open only the room its path names', async () => {
    harness = await startServer(dirs);
    const room = roomId();
    const owner = client(room);
    await synced(owner);
    owner.doc.getMap('m').set('secret', 'plans');
    const sneaky = client(room, { name: roomId() });
    expect(await sneaky.denied).toMatch(/only open the board its link names/);
    await expect(rawSocket('/sync/')).rejects.toThrow('HTTP 404');
    await expect(rawSocket('/sync/short')).rejects.toThrow('HTTP 404');
    await expect(rawSocket('/rooms')).rejects.toThrow('HTTP 404');
    const res = await fetch(`${harness.url}/collab.json`);
    expect(await res.json()).toEqual({ sync: '/sync/', maxMessageBytes: 10 * 1024 * 1024 });
    const listing = await fetch(`${harness.url}/sync/`);
    expect(await listing.text()).not.toContain(room);
    expect((await fetch(`${harness.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('logs one line per connection, without board content', async () => {
    harness = await startServer(dirs);
    const room = roomId();
    const a = client(room);
    await synced(a);
    a.doc.getMap('m').set('text', 'Confidential merger plan');
    await waitFor(() => harness!.server.store.has(room));
    a.destroy();
    await waitFor(() => harness!.lines.length === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(harness.lines).toHaveLength(1);
    expect(harness.lines[0]).toMatch(/room \S{4}… served: [\d.]+ s, \d+ messages, \d+ bytes, close \d+/);
    expect(harness.lines[0]).not.toContain('Confidential');
    expect(harness.lines[0]).not.toContain(room);
  });

  it('keeps every room across a restart', async () => {
    harness = await startServer(dirs);
    const rooms = [roomId(), roomId(), roomId()];
    for (const [i, room] of rooms.entries()) {
      const c = client(room);
      await synced(c);
      c.doc.getMap('m').set('n', i);
      c.doc.getArray('list').push(['a', 'b']);
    }
    await waitFor(() => rooms.every((r) => harness!.server.store.has(r)));
    for (const c of clients.splice(0)) c.destroy();
    await harness.close();
    harness = await startServer(dirs);
    for (const [i, room] of rooms.entries()) {
      const c = client(room);
      await synced(c);
      expect(c.doc.getMap('m').get('n')).toBe(i);
      expect(c.doc.getArray('list').toArray()).toEqual(['a', 'b']);
    }
  });

  it('merges a room\'s log once it passes the limit, keeping every update', async () => {
    harness = await startServer(dirs);
    const room = roomId();
    const a = client(room);
    const b = client(room);
    await Promise.all([synced(a), synced(b)]);
    const n = COMPACT_AFTER_UPDATES + 20;
    for (let i = 0; i < n; i++) a.doc.getMap('m').set(`k${i % 50}`, i);
    await waitFor(() => b.doc.getMap('m').get(`k${(n - 1) % 50}`) === n - 1);
    const store = new RoomStore(harness.dataDir);
    try {
      // Merged as it passed the limit, not later when the room is stored after a quiet spell.
      await waitFor(() => store.updateCount(room) < 50, 300, 'the merged log');
      const copy = new Y.Doc();
      Y.applyUpdate(copy, store.load(room)!);
      expect(copy.getMap('m').toJSON()).toEqual(a.doc.getMap('m').toJSON());
    } finally {
      store.close();
    }
  });

  it('has every update on disk as soon as it is relayed (a crash loses nothing)', async () => {
    harness = await startServer(dirs);
    const room = roomId();
    const a = client(room);
    const b = client(room);
    await Promise.all([synced(a), synced(b)]);
    for (let i = 0; i < 20; i++) a.doc.getMap('m').set(`k${i}`, i);
    await waitFor(() => b.doc.getMap('m').get('k19') === 19);
    // Read the database beside the running server, as a restart after a kill would.
    const store = new RoomStore(harness.dataDir);
    try {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, store.load(room)!);
      expect(copy.getMap('m').get('k19')).toBe(19);
    } finally {
      store.close();
    }
  });
});
