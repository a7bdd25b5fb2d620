// One board's connection to its room on the collaboration server, through Hocuspocus's
// provider (Yjs sync + awareness over one WebSocket). The provider reconnects by itself and,
// on reconnecting, exchanges state vectors, so edits made offline merge when the connection
// returns. This file turns its events into one status for the UI and reads the server's
// refusals (room full, too many rooms, message too large) into a sentence.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { boardMetaOf } from '../model';
import { CollabError } from './errors';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface RoomConnection {
  readonly awareness: Awareness;
  readonly status: ConnectionStatus;
  stop(): void;
}

export interface ConnectOptions {
  ydoc: Y.Doc;
  /** ws:// or wss:// origin of the server, e.g. ws://192.168.1.20:1234 */
  wsOrigin: string;
  room: string;
  onStatus?: (status: ConnectionStatus, reason?: string) => void;
  /** A WebSocket class where the platform has none (Node tests). */
  WebSocketPolyfill?: unknown;
}

/** Close codes the server sends when it refuses (server/collabServer.ts). */
const REFUSALS: Record<number, string> = {
  4429: 'This board has as many participants as the server allows.',
  4507: 'The server holds as many boards as it allows.',
  1009: 'A change was larger than the server accepts, so it was not shared.',
  1003: 'The server refused a message it could not read.',
};

export function syncUrl(wsOrigin: string, room: string): string {
  return `${wsOrigin.replace(/\/$/, '')}/sync/${room}`;
}

export function connectRoom(options: ConnectOptions): RoomConnection {
  const { ydoc, wsOrigin, room, onStatus } = options;
  let status: ConnectionStatus = 'connecting';
  const report = (next: ConnectionStatus, reason?: string) => {
    if (next === status && reason === undefined) return;
    status = next;
    onStatus?.(next, reason);
  };
  const socket = new HocuspocusProviderWebsocket({
    url: syncUrl(wsOrigin, room),
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    // Keep retrying while the workshop lasts, but not more often than every 5 s once offline.
    maxDelay: 5000,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    document: ydoc,
    onSynced: ({ state }) => {
      if (state) report('online');
    },
    onStatus: ({ status: s }) => {
      if (s === 'connecting' && status !== 'refused') report('connecting');
      if (s === 'disconnected' && status !== 'refused') report('offline');
    },
    onClose: ({ event }) => {
      const known = REFUSALS[event.code];
      if (known) report('refused', event.reason ? String(event.reason) : known);
    },
    onAuthenticationFailed: ({ reason }) => report('refused', reason),
  });
  provider.attach();
  return {
    awareness: provider.awareness!,
    get status() {
      return status;
    },
    stop() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/**
 * Fetches a shared board's whole state from its room (for a browser that has never had it):
 * resolves once the server has sent a document holding a board, as one Yjs update.
 */
export function fetchRoomState(options: Omit<ConnectOptions, 'ydoc' | 'onStatus'> & { timeoutMs?: number }): Promise<Uint8Array> {
  const ydoc = new Y.Doc();
  return new Promise<Uint8Array>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ydoc.off('update', check);
      connection.stop();
      fn();
      ydoc.destroy();
    };
    const check = () => {
      if (boardMetaOf(ydoc)) finish(() => resolve(Y.encodeStateAsUpdate(ydoc)));
    };
    const connection = connectRoom({
      ...options,
      ydoc,
      onStatus: (s, reason) => {
        if (s === 'online' && !boardMetaOf(ydoc))
          finish(() => reject(new CollabError('The server has no board under this link. Ask for the link again: it may be mistyped.', 'ROOM_EMPTY', false)));
        if (s === 'refused') finish(() => reject(new CollabError(reason ?? 'The server refused the connection.', 'ROOM_REFUSED', true)));
      },
    });
    ydoc.on('update', check);
    const timer = setTimeout(
      () => finish(() => reject(new CollabError('Could not reach the board’s server. Check the network and open the link again.', 'ROOM_UNREACHABLE', true))),
      options.timeoutMs ?? 10_000,
    );
  });
}
