// Rooms on disk: one SQLite database (better-sqlite3, WAL) in the data folder. Every Yjs update
// a room receives is appended at once, in its own committed statement, so a crash or a kill
// loses nothing that a client was told about; now and then a room's log is replaced by one
// merged update (compact) inside a transaction.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';

export const ROOMS_FILE = 'rooms.sqlite';
/** Merge a room's stored updates into one once it has more than this many. */
export const COMPACT_AFTER_UPDATES = 500;

export interface RoomStats {
  rooms: number;
  updates: number;
  bytes: number;
}

export class RoomStore {
  private readonly db: Database.Database;
  private readonly insertRoom: Database.Statement<[string, number, number]>;
  private readonly touchRoom: Database.Statement<[number, string]>;
  private readonly insertUpdate: Database.Statement<[string, Buffer]>;
  private readonly selectUpdates: Database.Statement<[string], { data: Buffer }>;
  private readonly countUpdates: Database.Statement<[string], { n: number }>;
  private readonly deleteUpdates: Database.Statement<[string]>;
  private readonly roomExists: Database.Statement<[string], { n: number }>;
  private readonly roomCount: Database.Statement<[], { n: number }>;
  private readonly compactTx: (room: string, merged: Buffer) => void;
  private readonly appendTx: (room: string, update: Buffer, now: number) => number;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, ROOMS_FILE));
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process crash; only an OS crash can lose the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS rooms (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL REFERENCES rooms(id), data BLOB NOT NULL);
      CREATE INDEX IF NOT EXISTS updates_by_room ON updates(room, seq);
    `);
    this.insertRoom = this.db.prepare('INSERT OR IGNORE INTO rooms (id, created_at, updated_at) VALUES (?, ?, ?)');
    this.touchRoom = this.db.prepare('UPDATE rooms SET updated_at = ? WHERE id = ?');
    this.insertUpdate = this.db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)');
    this.selectUpdates = this.db.prepare('SELECT data FROM updates WHERE room = ? ORDER BY seq');
    this.countUpdates = this.db.prepare('SELECT count(*) AS n FROM updates WHERE room = ?');
    this.deleteUpdates = this.db.prepare('DELETE FROM updates WHERE room = ?');
    this.roomExists = this.db.prepare('SELECT count(*) AS n FROM rooms WHERE id = ?');
    this.roomCount = this.db.prepare('SELECT count(*) AS n FROM rooms');
    this.appendTx = this.db.transaction((room: string, update: Buffer, now: number) => {
      this.insertRoom.run(room, now, now);
      this.touchRoom.run(now, room);
      this.insertUpdate.run(room, update);
      return this.countUpdates.get(room)?.n ?? 0;
    });
    this.compactTx = this.db.transaction((room: string, merged: Buffer) => {
      this.deleteUpdates.run(room);
      this.insertUpdate.run(room, merged);
    });
  }

  has(room: string): boolean {
    return (this.roomExists.get(room)?.n ?? 0) > 0;
  }

  count(): number {
    return this.roomCount.get()?.n ?? 0;
  }

  /** The room's state as one update, or undefined for a room never stored. */
  load(room: string): Uint8Array | undefined {
    const rows = this.selectUpdates.all(room);
    if (rows.length === 0) return undefined;
    const updates = rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
    return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
  }

  /** Stores one update now; returns how many updates the room holds. */
  append(room: string, update: Uint8Array, now = Date.now()): number {
    return this.appendTx(room, Buffer.from(update.buffer, update.byteOffset, update.byteLength), now);
  }

  /** Replaces a room's log by its current state in one transaction. */
  compact(room: string, state: Uint8Array): void {
    this.compactTx(room, Buffer.from(state.buffer, state.byteOffset, state.byteLength));
  }

  stats(): RoomStats {
    const row = this.db.prepare('SELECT count(*) AS updates, coalesce(sum(length(data)), 0) AS bytes FROM updates').get() as { updates: number; bytes: number };
    return { rooms: this.count(), updates: row.updates, bytes: row.bytes };
  }

  /** Records in one room's update log (1 right after a compaction). */
  updateCount(room: string): number {
    return this.countUpdates.get(room)?.n ?? 0;
  }

  /** Bytes stored for one room (its update log). */
  roomBytes(room: string): number {
    const row = this.db.prepare('SELECT coalesce(sum(length(data)), 0) AS bytes FROM updates WHERE room = ?').get(room) as { bytes: number };
    return row.bytes;
  }

  close(): void {
    this.db.close();
  }
}
