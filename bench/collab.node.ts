// A workshop's load on the collaboration server: N simulated participants (Yjs clients with
// Hocuspocus's provider, in this process) edit one board of S stickies through the real
// server (`npm run collab`, a child process, on loopback) for a while — moves, typing, adds —
// and the table reports propagation delay from one client's edit to every other client,
// the server's CPU and memory, and the size of the stored room.
//   npm run bench -- bench/collab.node.ts [clients=50] [seconds=60] [stickies=1000] [editsPerClientPerSecond=1]
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createRng } from '../src/lib/rng';
import { createBoardDoc, makeElement, openBoardDoc, type BoardDoc, type ElementId } from '../src/model';
import { generateBoard } from '../src/model/testing/generateBoard';
import { RoomStore } from '../server/roomStore';
import { freePort } from '../scripts/lib/freePorts.mjs';

const ROOM = 'benchRoom0123456789abcdefgh';

function startServer(port: number, dataDir: string, distDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [resolve('scripts/collab.mjs')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir, MAX_CONNECTIONS_PER_ROOM: '1000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((res, rej) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('collaboration server on')) res(child);
    });
    child.once('exit', (code) => rej(new Error(`server exited ${code}: ${out}`)));
  });
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function usage(pid: number): { cpuS: number; rssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuS: ticks / 100, rssMiB: Number(rss?.[1] ?? 0) / 1024 };
}

interface Client {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  doc?: BoardDoc;
}

function connect(url: string, ydoc: Y.Doc): Client {
  const socket = new HocuspocusProviderWebsocket({ url: `${url}/sync/${ROOM}`, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: ROOM, document: ydoc });
  provider.attach();
  return { ydoc, provider, socket };
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function main(args: string[]): Promise<void> {
  const clients = Number(args[0] ?? 50);
  const seconds = Number(args[1] ?? 60);
  const stickies = Number(args[2] ?? 1000);
  const rate = Number(args[3] ?? 1);
  const base = mkdtempSync(join(tmpdir(), 'stormbench-collab-bench-'));
  const dataDir = join(base, 'data');
  const distDir = join(base, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html>');
  const port = await freePort();
  const server = await startServer(port, dataDir, distDir);
  const url = `ws://127.0.0.1:${port}`;
  // scripts/collab.mjs runs the server bundle as its child: measure that process.
  const pid = Number(readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
  try {
    // The facilitator's board goes up first; everyone else joins and receives it.
    const board = generateBoard({ stickies, links: Math.round(stickies * 1.25), seed: 7 });
    const hostDoc = new Y.Doc();
    const host = connect(url, hostDoc);
    host.doc = createBoardDoc(board, { ydoc: hostDoc });
    await until(() => host.provider.isSynced && !host.provider.hasUnsyncedChanges, 30_000, 'the board upload');
    const all: Client[] = [host];
    const joinStart = performance.now();
    for (let i = 1; i < clients; i++) all.push(connect(url, new Y.Doc()));
    await until(() => all.every((c) => c.provider.isSynced && c.ydoc.getMap('meta').has('id')), 120_000, 'every client to sync');
    const joinMs = performance.now() - joinStart;
    for (const c of all) c.doc ??= openBoardDoc(c.ydoc);

    // Each edit stamps bench[client] = seq in the same transaction; receivers time the stamp.
    const sentAt = new Map<string, number>();
    const delays: number[] = [];
    // Per edit, when its first receiver saw it: all 50 clients share this one thread, so the
    // spread from the first receiver to the last is this process working through its queue,
    // not the network or the server.
    const firstSeen = new Map<string, number>();
    let edits = 0;
    let measuring = false;
    all.forEach((c, me) => {
      const stamps = c.ydoc.getMap<number>('bench');
      stamps.observe((event) => {
        const now = performance.now();
        for (const key of event.keysChanged) {
          if (Number(key) === me) continue;
          const id = `${key}:${stamps.get(key)}`;
          const sent = sentAt.get(id);
          if (sent !== undefined && measuring) {
            delays.push(now - sent);
            if (!firstSeen.has(id)) firstSeen.set(id, now - sent);
          }
        }
      });
    });
    const rng = createRng(11);
    const seq = new Array<number>(clients).fill(0);
    // Each client edits the board's stickies and its own additions, reading a sticky's values
    // straight from its record: building the whole board per edit (getBoard) cost this thread
    // a fifth of its time, which delayed every client's receiving in the measurement.
    const startIds = board.elements.filter((e) => e.kind !== 'boundedContext').map((e) => e.id as ElementId);
    const editable = all.map(() => [...startIds]);
    const edit = (i: number) => {
      const c = all[i]!;
      const doc = c.doc!;
      const ids = editable[i]!;
      const id = ids[rng.int(ids.length)]!;
      const record = c.ydoc.getMap<Y.Map<unknown>>('elements').get(id)!;
      const [x, y, text] = [record.get('x') as number, record.get('y') as number, String(record.get('text') ?? '')];
      const roll = rng.next();
      const n = ++seq[i]!;
      const key = `${i}:${n}`;
      doc.transact(() => {
        if (roll < 0.6) doc.moveElements([{ id, x: x + rng.int(41) - 20, y: y + rng.int(41) - 20 }]);
        else if (roll < 0.9) doc.updateElement(id, { text: (text + 'abcdefghij'[rng.int(10)]).slice(-40) });
        else {
          const added = makeElement('event', { x: rng.int(4000), y: rng.int(3000) }, `Added ${key}`);
          doc.addElements([added]);
          ids.push(added.id);
        }
        sentAt.set(key, performance.now());
        c.ydoc.getMap<number>('bench').set(String(i), n);
      });
      edits++;
    };
    const u0 = usage(pid);
    const c0 = process.cpuUsage();
    const load0 = loadavg()[0]!;
    const t0 = performance.now();
    let peakRss = u0.rssMiB;
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    measuring = true;
    const timers = all.map((_, i) => {
      const tick = () => {
        if (performance.now() - t0 > seconds * 1000) return;
        edit(i);
        timer = setTimeout(tick, rng.next() * (2000 / rate));
      };
      let timer = setTimeout(tick, rng.next() * (1000 / rate));
      return () => clearTimeout(timer);
    });
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, usage(pid).rssMiB)), 1000);
    await new Promise((r) => setTimeout(r, seconds * 1000));
    timers.forEach((stop) => stop());
    await new Promise((r) => setTimeout(r, 1000));
    measuring = false;
    loopDelay.disable();
    clearInterval(sampler);
    const u1 = usage(pid);
    const c1 = process.cpuUsage(c0);
    const wall = (performance.now() - t0) / 1000;
    const converged = all.every((c) => Y.encodeStateVector(c.ydoc).toString() === Y.encodeStateVector(hostDoc).toString());
    const docBytes = Y.encodeStateAsUpdate(hostDoc).byteLength;
    for (const c of all) {
      c.provider.destroy();
      c.socket.destroy();
    }
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    const store = new RoomStore(dataDir);
    const stored = store.roomBytes(ROOM);
    store.close();
    const fileBytes = statSync(join(dataDir, 'rooms.sqlite')).size;

    delays.sort((a, b) => a - b);
    const first = [...firstSeen.values()].sort((a, b) => a - b);
    const f = (x: number) => x.toFixed(1);
    const mib = (b: number) => (b / 2 ** 20).toFixed(2);
    console.log(`\n${clients} clients, ${stickies}-sticky board, ${seconds} s, ~${rate} edit/s per client (60% moves, 30% typing, 10% adds), loopback`);
    console.log('| measure | result |');
    console.log('| --- | ---: |');
    console.log(`| edits made | ${edits} (${f(edits / wall)} /s) |`);
    console.log(`| deliveries timed (edit reaching another client) | ${delays.length} |`);
    console.log(`| propagation delay, median | ${f(pct(delays, 50))} ms |`);
    console.log(`| propagation delay, p95 | ${f(pct(delays, 95))} ms |`);
    console.log(`| propagation delay, p99 / max | ${f(pct(delays, 99))} / ${f(delays.at(-1) ?? NaN)} ms |`);
    console.log(`| delay to an edit's first receiver, median / p95 / p99 | ${f(pct(first, 50))} / ${f(pct(first, 95))} / ${f(pct(first, 99))} ms |`);
    console.log(`| event-loop delay of the clients' thread, p50 / p99 / max | ${f(loopDelay.percentile(50) / 1e6)} / ${f(loopDelay.percentile(99) / 1e6)} / ${f(loopDelay.max / 1e6)} ms |`);
    console.log(`| all ${clients} clients joined and synced the board | ${(joinMs / 1000).toFixed(1)} s |`);
    console.log(`| server CPU during the edits | ${f((100 * (u1.cpuS - u0.cpuS)) / wall)} % of one core |`);
    console.log(`| server memory (RSS) before / peak / end | ${f(u0.rssMiB)} / ${f(peakRss)} / ${f(u1.rssMiB)} MiB |`);
    console.log(`| CPU of the ${clients} simulated clients (this process, one thread) | ${f((100 * (c1.user + c1.system)) / 1e6 / wall)} % of one core |`);
    console.log(`| machine load average (1 min) at start / end | ${load0.toFixed(1)} / ${loadavg()[0]!.toFixed(1)} |`);
    console.log(`| board state (Yjs update) at the end | ${mib(docBytes)} MiB |`);
    console.log(`| stored room after shutdown (compacted) / rooms.sqlite file | ${mib(stored)} / ${mib(fileBytes)} MiB |`);
    console.log(`| every client converged | ${converged ? 'yes' : 'NO'} |`);
  } finally {
    if (server.exitCode === null) server.kill('SIGTERM');
    rmSync(base, { recursive: true, force: true });
  }
}
