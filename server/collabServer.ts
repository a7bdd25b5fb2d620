// The workshop server: one HTTP port serves the built app and the Yjs sync endpoint
// /sync/<room>. Sync is Hocuspocus (its server runs the Yjs sync and awareness protocols, we
// only wire sockets to it); rooms live in SQLite (roomStore.ts). This file decides who may
// connect: exactly one room per socket, limits on rooms and connections, binary messages up
// to maxMessageBytes, and one log line per connection without board content.
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as Y from 'yjs';
import type { CollabConfig } from './config';
import { cleanPresence } from './presenceGuard';
import { roomFromPath, roomTag } from './roomName';
import { COMPACT_AFTER_UPDATES, RoomStore } from './roomStore';
import { createStaticHandler } from './staticFiles';

/** Close codes the app understands (4000–4999 are the application's). */
export const CLOSE = {
  roomFull: 4429,
  tooManyRooms: 4507,
  textFrame: 1003,
  tooBig: 1009,
} as const;

export interface CollabServer {
  /** Starts listening; resolves with the http:// address it serves. */
  listen(): Promise<string>;
  readonly store: RoomStore;
  readonly hocuspocus: Hocuspocus;
  /** Open connections per room. */
  connections(room: string): number;
  /** Closes every connection, stores every room and closes the database. */
  close(): Promise<void>;
}

interface SocketInfo {
  room: string;
  ip: string;
  openedAt: number;
  messages: number;
  bytes: number;
  outcome: string;
}

export function createCollabServer(config: CollabConfig): CollabServer {
  const store = new RoomStore(config.dataDir);
  const sockets = new Map<string, Set<WebSocket>>();
  let closed = false;
  /** Rooms whose log is to be merged once the update in hand has been relayed. */
  const compacting = new Set<string>();
  function compactSoon(room: string): void {
    if (compacting.has(room)) return;
    compacting.add(room);
    // Merging re-encodes the whole room (a few ms for a 1,000-sticky board): after the relay,
    // never between an update's arrival and its broadcast.
    setImmediate(() => {
      compacting.delete(room);
      const doc = hocuspocus.documents.get(room);
      if (closed || !doc) return;
      try {
        store.compact(room, Y.encodeStateAsUpdate(doc));
      } catch (e) {
        config.log(`${new Date().toISOString()} room ${roomTag(room)} could not be compacted: ${(e as Error).message}`);
      }
    });
  }
  const persistence: Extension = {
    extensionName: 'sqlite-rooms',
    async onLoadDocument({ documentName }) {
      return store.load(documentName);
    },
    // Hocuspocus calls onChange before it relays the update (and does not await it): the append
    // is on disk before anyone receives the update; a storage error is reported, never thrown.
    async onChange({ documentName, update }) {
      if (closed) return;
      try {
        if (store.append(documentName, update) > COMPACT_AFTER_UPDATES) compactSoon(documentName);
      } catch (e) {
        config.log(`${new Date().toISOString()} room ${roomTag(documentName)} could not be stored: ${(e as Error).message}`);
      }
    },
    async onStoreDocument({ documentName, document }) {
      try {
        if (!closed && store.has(documentName)) store.compact(documentName, Y.encodeStateAsUpdate(document));
      } catch (e) {
        config.log(`${new Date().toISOString()} room ${roomTag(documentName)} could not be compacted: ${(e as Error).message}`);
      }
    },
  };
  const guard: Extension = {
    extensionName: 'room-guard',
    async onConnect({ documentName, context }) {
      // A socket opened for one room's link cannot join another room through multiplexing.
      if (documentName !== (context as { room?: string }).room) throw { reason: 'This connection may only open the board its link names.' };
    },
    async beforeHandleAwareness({ states }) {
      cleanPresence(states);
    },
  };
  const hocuspocus = new Hocuspocus({ quiet: true, extensions: [persistence, guard] });
  const serveStatic = createStaticHandler(config.distDir);
  const http: Server = createServer((req, res) => {
    if (req.url === '/collab.json') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
      res.end(JSON.stringify({ sync: '/sync/', maxMessageBytes: config.maxMessageBytes }));
      return;
    }
    serveStatic(req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false });

  function refuseUpgrade(socket: Duplex, status: number, text: string): void {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  function logLine(info: SocketInfo, code: number): void {
    const seconds = ((Date.now() - info.openedAt) / 1000).toFixed(1);
    config.log(
      `${new Date().toISOString()} ${info.ip} room ${roomTag(info.room)} ${info.outcome}: ${seconds} s, ${info.messages} messages, ${info.bytes} bytes, close ${code}`,
    );
  }

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    let room: string | undefined;
    try {
      room = roomFromPath(new URL(req.url ?? '/', 'http://local').pathname);
    } catch {
      room = undefined;
    }
    if (!room) {
      refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    const target = room;
    socket.on('error', () => undefined);
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req, target));
  });

  function accept(ws: WebSocket, req: IncomingMessage, room: string): void {
    const info: SocketInfo = { room, ip: req.socket.remoteAddress ?? '?', openedAt: Date.now(), messages: 0, bytes: 0, outcome: 'served' };
    ws.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') info.outcome = 'refused (message too large)';
      else info.outcome = `failed (${error.code ?? 'socket error'})`;
    });
    const peers = sockets.get(room) ?? new Set<WebSocket>();
    if (peers.size >= config.maxConnectionsPerRoom) {
      info.outcome = 'refused (room full)';
      ws.close(CLOSE.roomFull, `This board already has ${config.maxConnectionsPerRoom} connections, the most this server allows.`);
      ws.once('close', (code) => logLine(info, code));
      return;
    }
    if (peers.size === 0 && !hocuspocus.documents.has(room) && !store.has(room) && store.count() + loadingNew(room) >= config.maxRooms) {
      info.outcome = 'refused (room limit)';
      ws.close(CLOSE.tooManyRooms, `This server already holds ${config.maxRooms} boards, its limit (MAX_ROOMS).`);
      ws.once('close', (code) => logLine(info, code));
      return;
    }
    peers.add(ws);
    sockets.set(room, peers);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const request = new Request(`http://${req.headers.host ?? 'local'}${req.url ?? '/'}`, { headers });
    const client = hocuspocus.handleConnection(ws, request, { room });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) {
        info.outcome = 'refused (text message)';
        ws.close(CLOSE.textFrame, 'The sync endpoint takes binary Yjs messages only.');
        return;
      }
      const bytes = toBytes(data);
      info.messages++;
      info.bytes += bytes.byteLength;
      client.handleMessage(bytes);
    });
    ws.on('close', (code: number, reason: Buffer) => {
      peers.delete(ws);
      if (peers.size === 0) sockets.delete(room);
      client.handleClose({ code, reason: reason.toString() });
      logLine(info, code);
    });
  }

  /** New rooms that have a connection but nothing stored yet count against the room limit. */
  function loadingNew(room: string): number {
    let n = 0;
    for (const name of hocuspocus.documents.keys()) if (name !== room && !store.has(name)) n++;
    return n;
  }

  return {
    store,
    hocuspocus,
    connections: (room) => sockets.get(room)?.size ?? 0,
    listen() {
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, () => {
          http.off('error', reject);
          const address = http.address() as AddressInfo;
          const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${host}:${address.port}`);
        });
      });
    },
    async close() {
      if (closed) return;
      // Every update was appended as it arrived; a last compaction only makes the next load quick.
      for (const [name, doc] of hocuspocus.documents) if (store.has(name)) store.compact(name, Y.encodeStateAsUpdate(doc));
      closed = true;
      const open = [...sockets.values()].flatMap((peers) => [...peers]);
      for (const ws of open) ws.close(1001, 'The server is shutting down.');
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const ws of open) ws.terminate();
      wss.close();
      await stopped;
      store.close();
    },
  };
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
