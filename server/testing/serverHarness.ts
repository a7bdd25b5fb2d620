// Starts a collaboration server on a free loopback port with a temporary data folder, and
// Yjs clients (Hocuspocus's provider over `ws`) that talk to it, for server tests and the
// benchmark. Everything started here is stopped by the returned close functions.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createCollabServer, type CollabServer } from '../collabServer';
import { DEFAULTS, type CollabConfig } from '../config';

export interface Harness {
  server: CollabServer;
  url: string;
  wsUrl: string;
  dataDir: string;
  lines: string[];
  close(): Promise<void>;
}

export function tempDirs(): { dataDir: string; distDir: string; remove(): void } {
  const base = mkdtempSync(join(tmpdir(), 'stormbench-collab-'));
  const distDir = join(base, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Stormbench</title>');
  return { dataDir: join(base, 'data'), distDir, remove: () => rmSync(base, { recursive: true, force: true }) };
}

export async function startServer(overrides: Partial<CollabConfig> & { dataDir: string; distDir: string }): Promise<Harness> {
  const lines: string[] = [];
  const server = createCollabServer({
    ...DEFAULTS,
    port: 0,
    log: (line) => lines.push(line),
    ...overrides,
  });
  const url = await server.listen();
  return { server, url, wsUrl: url.replace('http', 'ws'), dataDir: overrides.dataDir, lines, close: () => server.close() };
}

export interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  closed: Promise<{ code: number; reason: string }>;
  denied: Promise<string>;
  destroy(): void;
}

export function connect(wsUrl: string, room: string, options: { name?: string; doc?: Y.Doc } = {}): Client {
  const doc = options.doc ?? new Y.Doc();
  let onClose: (v: { code: number; reason: string }) => void = () => undefined;
  let onDenied: (reason: string) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((r) => (onClose = r));
  const denied = new Promise<string>((r) => (onDenied = r));
  const socket = new HocuspocusProviderWebsocket({ url: `${wsUrl}/sync/${room}`, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.name ?? room,
    document: doc,
    onClose: ({ event }) => onClose({ code: event.code, reason: event.reason }),
    onAuthenticationFailed: ({ reason }) => onDenied(reason),
  });
  // A provider given its own socket object must be attached to it explicitly.
  provider.attach();
  return {
    doc,
    provider,
    closed,
    denied,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function synced(client: Client, timeoutMs = 5000): Promise<void> {
  return waitFor(() => client.provider.isSynced, timeoutMs, 'sync');
}

/** A room id like the app's: 24 base64url characters, 144 random bits. */
export function roomId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
}
