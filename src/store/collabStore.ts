// Live collaboration for the open board: keeps every tab of this browser on the board in step
// (BroadcastChannel), connects a shared board to its room on the workshop server, publishes
// this participant's presence and mirrors everyone's, and runs "Share board" and joining by
// link. It follows the board store: whenever another board is opened, the old one's sync
// stops and the new one's starts. Cursors and views go out throttled (src/lib/throttle.ts).
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
  type ViewRect,
  VIEW_INTERVAL_MS,
} from '../collab';
import { createRealClock } from '../lib/clock';
import { throttle, type Throttle } from '../lib/throttle';
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
  /** Rooms where this person took the facilitator's role (presentation screens follow them). */
  facilitatorRooms: readonly string[];
  /** This page is a read-only presentation screen (announced, so it is never followed as the facilitator). */
  presenting: boolean;
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
  /** Publishes the part of the board this page shows (throttled; null: none). */
  setView(view: ViewRect | null): void;
  /** Takes (or gives up) the facilitator's role in the open board's room. */
  setFacilitator(on: boolean): void;
  setPresenting(on: boolean): void;
  link(): string | null;
  reset(): void;
}

/** Cursor positions are sent at most this often. */
export const CURSOR_INTERVAL_MS = 50;

let repo: BoardRepositoryPort | null = null;
// "Share board" can be pressed before the page has learnt whether a server serves it: wait.
let markStarted: () => void = () => undefined;
let started = new Promise<void>((resolve) => (markStarted = resolve));
interface Outbox {
  cursor: Throttle<{ x: number; y: number } | null>;
  view: Throttle<ViewRect | null>;
}
let bound: { doc: BoardDoc; tabs: TabSync; connection: RoomConnection | null; out: Outbox | null; stopEditing: () => void } | null = null;
let stopFollowing: (() => void) | null = null;
/** The last view this page showed, published again when a connection starts. */
let lastView: ViewRect | null = null;
/** Rooms remembered as facilitated, most recent last. */
const MAX_FACILITATOR_ROOMS = 20;

const randomSeed = () => Math.random().toString(36).slice(2);

export const useCollabStore = create<CollabState & CollabActions>()(
  persist(
    (set, get) => {
      function publishUser(): void {
        const awareness = bound?.connection?.awareness;
        const { myName: name, myColor: color, room, facilitatorRooms, presenting } = get();
        if (!awareness || !name) return;
        const facilitator = room !== null && facilitatorRooms.includes(room);
        awareness.setLocalStateField('user', { name, color, ...(facilitator ? { facilitator } : {}), ...(presenting ? { presenting } : {}) });
      }

      function outbox(connection: RoomConnection): Outbox {
        const clock = createRealClock();
        const { awareness } = connection;
        const out = {
          cursor: throttle((p: { x: number; y: number } | null) => awareness.setLocalStateField('cursor', p), CURSOR_INTERVAL_MS, clock),
          view: throttle((v: ViewRect | null) => awareness.setLocalStateField('view', v), VIEW_INTERVAL_MS, clock),
        };
        if (lastView) out.view.push(lastView);
        return out;
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
        bound.out?.cursor.cancel();
        bound.out?.view.cancel();
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
        bound = { doc, tabs, connection, out: connection ? outbox(connection) : null, stopEditing };
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
        facilitatorRooms: [],
        presenting: false,
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
            bound.out = bound.connection ? outbox(bound.connection) : null;
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
          bound?.out?.cursor.push(point);
        },
        setView(view) {
          lastView = view;
          bound?.out?.view.push(view);
        },
        setFacilitator(on) {
          const { room, facilitatorRooms } = get();
          if (!room || facilitatorRooms.includes(room) === on) return;
          const rest = facilitatorRooms.filter((r) => r !== room);
          set({ facilitatorRooms: on ? [...rest, room].slice(-MAX_FACILITATOR_ROOMS) : rest });
          publishUser();
        },
        setPresenting(presenting) {
          if (get().presenting === presenting) return;
          set({ presenting });
          if (presenting) bound?.out?.cursor.push(null);
          publishUser();
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
          lastView = null;
          set({ server: null, shareOpen: false, askName: false, presenting: false });
        },
      };
    },
    {
      name: 'stormbench:participant',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ myName: s.myName, myColor: s.myColor, voterId: s.voterId, facilitatorRooms: s.facilitatorRooms }),
    },
  ),
);
