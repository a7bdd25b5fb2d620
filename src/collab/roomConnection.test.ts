// The app's side of a room, against the real workshop server on loopback: two documents stay
// in step, edits made while the server is away merge when it is back, a board is fetched by
// link, and refusals reach the status with the server's reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { roomId, startServer, tempDirs, waitFor, type Harness } from '../../server/testing/serverHarness';
import { createBoardDoc, ydocOf } from '../model';
import { smallBoard } from '../model/testing/smallBoard';
import { connectRoom, fetchRoomState, type ConnectionStatus, type RoomConnection } from './roomConnection';

let dirs: ReturnType<typeof tempDirs>;
let harness: Harness | undefined;
const connections: RoomConnection[] = [];

beforeEach(() => {
  dirs = tempDirs();
});
afterEach(async () => {
  for (const c of connections.splice(0)) c.stop();
  await harness?.close();
  harness = undefined;
  dirs.remove();
});

function join(ydoc: Y.Doc, room: string, statuses: Array<[ConnectionStatus, string | undefined]> = []): RoomConnection {
  const c = connectRoom({ ydoc, wsOrigin: harness!.wsUrl, room, WebSocketPolyfill: WebSocket, onStatus: (s, r) => statuses.push([s, r]) });
  connections.push(c);
  return c;
}

describe('room connection', () => {
  it('keeps two documents in step and fetches the board by its room', async () => {
    harness = await startServer(dirs);
    const room = roomId();
    const board = createBoardDoc(smallBoard());
    const a = join(ydocOf(board), room);
    await waitFor(() => a.status === 'online');
    const state = await fetchRoomState({ wsOrigin: harness.wsUrl, room, WebSocketPolyfill: WebSocket });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state);
    expect(copy.getMap('meta').get('id')).toBe(board.id);
    const b = join(copy, room);
    await waitFor(() => b.status === 'online');
    board.rename('Renamed at A');
    await waitFor(() => copy.getMap('meta').get('name') === 'Renamed at A');
  });

  it('says when a link names no board, and when the room is full', async () => {
    harness = await startServer({ ...dirs, maxConnectionsPerRoom: 1 });
    await expect(fetchRoomState({ wsOrigin: harness.wsUrl, room: roomId(), WebSocketPolyfill: WebSocket })).rejects.toMatchObject({ code: 'ROOM_EMPTY' });
    const room = roomId();
    const a = join(createBoardDocYdoc(), room);
    await waitFor(() => a.status === 'online');
    const statuses: Array<[ConnectionStatus, string | undefined]> = [];
    const b = join(new Y.Doc(), room, statuses);
    await waitFor(() => b.status === 'refused');
    expect(statuses.find(([s]) => s === 'refused')?.[1]).toMatch(/already has 1 connections/);
  });

  it('merges edits made while the server was away', async () => {
    harness = await startServer(dirs);
    const room = roomId();
    const a = createBoardDoc(smallBoard());
    const ca = join(ydocOf(a), room);
    const bDoc = new Y.Doc();
    const cb = join(bDoc, room);
    await waitFor(() => ca.status === 'online' && cb.status === 'online' && bDoc.getMap('meta').has('id'));
    await harness.close();
    await waitFor(() => ca.status === 'offline' && cb.status === 'offline');
    a.rename('Offline at A');
    bDoc.getMap('settings').set('snapToGrid', false);
    harness = await startServer({ ...dirs, port: Number(new URL(harness.url).port) });
    await waitFor(() => bDoc.getMap('meta').get('name') === 'Offline at A', 15_000);
    await waitFor(() => ydocOf(a).getMap('settings').get('snapToGrid') === false, 15_000);
  }, 30_000);
});

function createBoardDocYdoc(): Y.Doc {
  return ydocOf(createBoardDoc(smallBoard()));
}
