// Starts collaboration for the page: asks the origin whether it is a workshop server
// (/collab.json, served by `npm run collab`), wires the collab store, opens the board a
// "#room=…" link names, and keeps the address bar's fragment on the open board's room so a
// reload reopens it.
import { roomFromHash } from '../../collab';
import type { BoardRepositoryPort } from '../../store/boardRepositoryPort';
import { useCollabStore, type CollabServerInfo } from '../../store/collabStore';
import { useSessionStore } from '../../store/sessionStore';

async function findServer(): Promise<CollabServerInfo | null> {
  try {
    const res = await fetch('/collab.json', { cache: 'no-store' });
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return null;
    const info = (await res.json()) as { sync?: unknown };
    if (info.sync !== '/sync/') return null;
    const { protocol, host } = window.location;
    return { httpOrigin: `${protocol}//${host}`, wsOrigin: `${protocol === 'https:' ? 'wss' : 'ws'}://${host}` };
  } catch {
    return null;
  }
}

export async function startCollaboration(repo: BoardRepositoryPort): Promise<void> {
  const server = await findServer();
  const collab = useCollabStore.getState();
  collab.start(repo, server);
  useSessionStore.getState().start();
  const linked = roomFromHash(window.location.hash);
  if (linked) await collab.joinRoom(linked);
  const showRoom = (room: string | null) => {
    const want = room ? `#room=${room}` : '';
    if (window.location.hash !== want) history.replaceState(null, '', `${window.location.pathname}${window.location.search}${want}`);
  };
  showRoom(useCollabStore.getState().room);
  useCollabStore.subscribe((s, prev) => {
    if (s.room !== prev.room) showRoom(s.room);
  });
  window.addEventListener('hashchange', () => {
    const room = roomFromHash(window.location.hash);
    if (room && room !== useCollabStore.getState().room) void useCollabStore.getState().joinRoom(room);
  });
}
