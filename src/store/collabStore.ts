// Live collaboration for the open board: keeps every tab of this browser on the board in step
// (BroadcastChannel), connects a shared board to its room on the workshop server, publishes
// this participant's presence and mirrors everyone's, and runs "Share board" and joining by
// link. It follows the board store: whenever another board is opened, the old one's sync
// stops and the new one's starts.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import {
  boardLink,
  cleanName,
  colorFor,
  connectRoom,
  fetchRoomState,
  newRoomId,
  participantsOf,
  startTabSync,
  tabChannelName,
  type ConnectionStatus,
  type Participant,
  type RoomConnection,
  type TabSync,
} from '../collab';
import { roomOf, setRoom, ydocOf, type BoardDoc, type ElementId } from '../model';
import type { BoardRepositoryPort } from './boardRepositoryPort';
import { useBoardStore } from './boardStore';
import { useBoardsStore } from './boardsStore';
import { useUiStore } from './uiStore';

export interface CollabServerInfo {
  /** Where participants open the app, e.g. http://192.168.1.20:1234 */
  httpOrigin: string;
  /** The same origin as ws:// or wss:// */
  wsOrigin: string;
}

export type CollabStatus = 'local' | ConnectionStatus;

export interface CollabState {
  server: CollabServerInfo | null;
  /** Room of the open board when it is shared. */
  room: string | null;
  status: CollabStatus;
  /** Why the server refused, in words (status "refused"). */
  reason: string | null;
  shareOpen: boolean;
  participants: readonly Participant[];
  /** This participant's name (asked once, remembered) and colour. */
  myName: string | null;
  myColor: string;
  /** The name dialog is open (a shared board is open and no name is known yet). */
  askName: boolean;
  /** This browser's anonymous ballot id in dot votes (never shown, never a name). */
  voterId: string;
}

export interface CollabActions {
  /** Wires the store to storage and the server (null: no server); call once at start. */
  start(repo: BoardRepositoryPort, server: CollabServerInfo | null): void;
  share(): Promise<void>;
  setShareOpen(open: boolean): void;
  /** Opens the board shared in `room`, fetching it from the server the first time. */
  joinRoom(room: string): Promise<void>;
  setMyName(name: string): void;
  setCursor(point: { x: number; y: number } | null): void;
  link(): string | null;
  reset(): void;
}

/** Cursor positions are sent at most this often. */
export const CURSOR_INTERVAL_MS = 50;

let repo: BoardRepositoryPort | null = null;
// "Share board" can be pressed before the page has learnt whether a server serves it: wait.
let markStarted: () => void = () => undefined;
let started = new Promise<void>((resolve) => (markStarted = resolve));
let bound: { doc: BoardDoc; tabs: TabSync; connection: RoomConnection | null; stopEditing: () => void } | null = null;
let stopFollowing: (() => void) | null = null;
let lastCursorAt = 0;
let pendingCursor: ReturnType<typeof setTimeout> | null = null;

const randomSeed = () => Math.random().toString(36).slice(2);

export const useCollabStore = create<CollabState & CollabActions>()(
  persist(
    (set, get) => {
      function publishUser(): void {
        const awareness = bound?.connection?.awareness;
        const name = get().myName;
        if (awareness && name) awareness.setLocalStateField('user', { name, color: get().myColor });
      }

      function connectShared(doc: BoardDoc, room: string): RoomConnection | null {
        const server = get().server;
        if (!server) return null;
        const connection = connectRoom({
          ydoc: ydocOf(doc),
          wsOrigin: server.wsOrigin,
          room,
          onStatus: (status, reason) => {
            if (bound?.doc !== doc) return;
            set({ status, reason: status === 'refused' ? (reason ?? null) : null });
          },
        });
        const awareness = connection.awareness;
        awareness.on('change', () => {
          if (bound?.doc === doc) set({ participants: participantsOf(awareness) });
        });
        return connection;
      }

      function unbind(): void {
        if (!bound) return;
        bound.stopEditing();
        bound.connection?.stop();
        bound.tabs.stop();
        bound = null;
        set({ room: null, status: 'local', reason: null, participants: [] });
      }

      function bind(doc: BoardDoc | null): void {
        if (bound?.doc === doc) return;
        unbind();
        if (!doc) return;
        const ydoc = ydocOf(doc);
        const tabs = startTabSync(ydoc, tabChannelName(doc.id));
        const room = roomOf(ydoc) ?? null;
        const connection = room ? connectShared(doc, room) : null;
        const stopEditing = useUiStore.subscribe((s, prev) => {
          if (s.editingId !== prev.editingId) connection?.awareness.setLocalStateField('editing', s.editingId satisfies ElementId | null);
        });
        bound = { doc, tabs, connection, stopEditing };
        set({ room, status: connection ? 'connecting' : 'local', reason: null, askName: Boolean(connection) && !get().myName });
        publishUser();
      }

      return {
        server: null,
        room: null,
        status: 'local',
        reason: null,
        shareOpen: false,
        participants: [],
        myName: null,
        myColor: colorFor(randomSeed()),
        askName: false,
        voterId: randomSeed() + randomSeed(),
        start(r, server) {
          repo = r;
          set({ server });
          stopFollowing?.();
          stopFollowing = useBoardStore.subscribe((s, prev) => {
            if (s.doc !== prev.doc) bind(s.doc);
          });
          bind(useBoardStore.getState().doc);
          markStarted();
        },
        async share() {
          await started;
          const doc = useBoardStore.getState().doc;
          if (!doc || !repo) return;
          if (!get().server) {
            set({ shareOpen: true });
            return;
          }
          const room = setRoom(ydocOf(doc), roomOf(ydocOf(doc)) ?? newRoomId());
          await repo.bindRoom(room, doc.id);
          if (bound?.doc === doc && !bound.connection) {
            bound.connection = connectShared(doc, room);
            set({ room, status: 'connecting', askName: !get().myName });
            publishUser();
          }
          set({ shareOpen: true });
        },
        setShareOpen(open) {
          set({ shareOpen: open });
        },
        async joinRoom(room) {
          if (!repo) return;
          const server = get().server;
          try {
            let id = await repo.boardForRoom(room);
            if (!id) {
              if (!server) {
                useUiStore.getState().notify({
                  kind: 'error',
                  message: 'This link opens a shared board, which needs the workshop server: open the link on the address the facilitator gave (where "npm run collab" runs).',
                });
                return;
              }
              const state = await fetchRoomState({ wsOrigin: server.wsOrigin, room });
              id = await repo.importState(state);
              await repo.bindRoom(room, id);
              await useBoardsStore.getState().refresh();
            }
            await useBoardsStore.getState().openBoard(id);
          } catch (error) {
            useUiStore.getState().notify({ kind: 'error', message: `Could not open the shared board: ${error instanceof Error ? error.message : String(error)}` });
          }
        },
        setMyName(name) {
          const clean = cleanName(name);
          if (!clean) return;
          set({ myName: clean, askName: false });
          publishUser();
        },
        setCursor(point) {
          const awareness = bound?.connection?.awareness;
          if (!awareness) return;
          const send = () => {
            pendingCursor = null;
            lastCursorAt = Date.now();
            awareness.setLocalStateField('cursor', point);
          };
          if (pendingCursor) clearTimeout(pendingCursor);
          const wait = CURSOR_INTERVAL_MS - (Date.now() - lastCursorAt);
          if (wait <= 0) send();
          else pendingCursor = setTimeout(send, wait);
        },
        link() {
          const { server, room } = get();
          return server && room ? boardLink(server.httpOrigin, room) : null;
        },
        reset() {
          unbind();
          stopFollowing?.();
          stopFollowing = null;
          repo = null;
          started = new Promise<void>((resolve) => (markStarted = resolve));
          set({ server: null, shareOpen: false, askName: false });
        },
      };
    },
    {
      name: 'stormbench:participant',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ myName: s.myName, myColor: s.myColor, voterId: s.voterId }),
    },
  ),
);
