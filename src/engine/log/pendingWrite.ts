// What a log changed in memory and has not yet handed to storage, merged into one write so a
// flush is one transaction (a group commit). Changes arrive in order (appends, truncations,
// retention, compaction); a later change that removes a chunk or segment an earlier one put
// cancels that put, so the merged write (deletes before puts, as the stores apply them) leaves
// storage as the changes would have one by one.
import type { ChunkRef, LogWrite } from './logStore';
import type { Chunk } from './segment';

export class PendingWrite {
  private puts: ChunkRef[] = [];
  private readonly deleteChunks: ChunkRef[] = [];
  private readonly deleteSegments = new Set<number>();
  /** Chunks put here and not yet written: their bytes must stay resident until the write. */
  readonly unwritten = new Set<Chunk>();
  metaChanged = false;

  get empty(): boolean {
    return this.puts.length === 0 && this.deleteChunks.length === 0 && this.deleteSegments.size === 0 && !this.metaChanged;
  }

  put(ref: ChunkRef): void {
    this.puts.push(ref);
    this.unwritten.add(ref.chunk);
  }

  /** Removes chunks: a pending put of one is cancelled, a stored one is deleted. */
  removeChunks(refs: readonly ChunkRef[]): void {
    const gone = new Set<Chunk>();
    for (const r of refs) {
      if (this.unwritten.delete(r.chunk)) gone.add(r.chunk);
      else this.deleteChunks.push(r);
    }
    if (gone.size > 0) this.puts = this.puts.filter((p) => !gone.has(p.chunk));
  }

  /** Removes whole segments: pending puts into them are cancelled, stored chunks deleted. */
  removeSegments(bases: readonly number[]): void {
    if (bases.length === 0) return;
    const set = new Set(bases);
    for (const b of bases) this.deleteSegments.add(b);
    this.puts = this.puts.filter((p) => {
      if (!set.has(p.segmentBase)) return true;
      this.unwritten.delete(p.chunk);
      return false;
    });
  }

  /**
   * A write that failed goes back in front of what changed since (its puts are retried unless a
   * later change removed them): `older` then this.
   */
  prepend(older: PendingWrite): void {
    const deletedSegments = this.deleteSegments;
    const deletedChunks = new Set(this.deleteChunks.map((r) => r.chunk));
    const kept = older.puts.filter((p) => !deletedSegments.has(p.segmentBase) && !deletedChunks.has(p.chunk));
    for (const p of kept) this.unwritten.add(p.chunk);
    this.puts = [...kept, ...this.puts];
    this.deleteChunks.unshift(...older.deleteChunks.filter((r) => !this.unwritten.has(r.chunk)));
    for (const b of older.deleteSegments) this.deleteSegments.add(b);
    this.metaChanged ||= older.metaChanged;
  }

  /** The merged write, with the partition's metadata as it is now. */
  take(meta: LogWrite['meta']): { write: LogWrite; chunks: Chunk[] } {
    const write: LogWrite = {
      ...(this.puts.length > 0 ? { put: this.puts } : {}),
      ...(this.deleteChunks.length > 0 ? { deleteChunks: [...this.deleteChunks] } : {}),
      ...(this.deleteSegments.size > 0 ? { deleteSegments: [...this.deleteSegments] } : {}),
      ...(meta ? { meta } : {}),
    };
    return { write, chunks: this.puts.map((p) => p.chunk) };
  }
}
