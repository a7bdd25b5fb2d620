// The collaboration server's settings, read from the environment with defaults that suit a
// facilitator's laptop: loopback only, one data folder beside the project, limits that a
// workshop of thirty people never reaches but a runaway client does.
import { resolve } from 'node:path';

export interface CollabConfig {
  /** TCP port for both the app and the sync endpoint (0 picks a free one). */
  port: number;
  /** Interface to listen on; 127.0.0.1 keeps the server on this machine, 0.0.0.0 opens it to the network. */
  host: string;
  /** Folder holding rooms.sqlite (created when missing). */
  dataDir: string;
  /** The built app to serve (vite build's output). */
  distDir: string;
  /** Largest WebSocket message accepted; bigger ones close that connection (code 1009). */
  maxMessageBytes: number;
  /** Most rooms the server stores; a link to a new room beyond this is refused. */
  maxRooms: number;
  /** Most simultaneous connections to one room. */
  maxConnectionsPerRoom: number;
  /** Write one line per connection to this function (console.log by default). */
  log: (line: string) => void;
}

export const DEFAULTS = {
  port: 1234,
  host: '127.0.0.1',
  dataDir: '.collab-data',
  distDir: 'dist',
  maxMessageBytes: 10 * 1024 * 1024,
  maxRooms: 1000,
  maxConnectionsPerRoom: 100,
} as const;

export class CollabConfigError extends Error {
  readonly code = 'COLLAB_CONFIG';
  readonly retriable = false;
  constructor(message: string) {
    super(message);
    this.name = 'CollabConfigError';
  }
}

function integer(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new CollabConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return value;
}

/** Reads PORT, HOST, DATA_DIR, DIST_DIR, MAX_MESSAGE_BYTES, MAX_ROOMS and MAX_CONNECTIONS_PER_ROOM. */
export function readConfig(env: Record<string, string | undefined>, cwd = process.cwd()): CollabConfig {
  return {
    port: integer(env, 'PORT', DEFAULTS.port, 0, 65535),
    host: env.HOST?.trim() || DEFAULTS.host,
    dataDir: resolve(cwd, env.DATA_DIR?.trim() || DEFAULTS.dataDir),
    distDir: resolve(cwd, env.DIST_DIR?.trim() || DEFAULTS.distDir),
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', DEFAULTS.maxMessageBytes, 1024, 1024 * 1024 * 1024),
    maxRooms: integer(env, 'MAX_ROOMS', DEFAULTS.maxRooms, 1, 10_000_000),
    maxConnectionsPerRoom: integer(env, 'MAX_CONNECTIONS_PER_ROOM', DEFAULTS.maxConnectionsPerRoom, 1, 100_000),
    log: (line) => console.log(line),
  };
}
