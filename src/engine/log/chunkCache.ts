// Keeps the resident bytes of pageable chunks (IndexedDB storage) under a budget, least
// recently used out first, so a worker's heap stays bounded whatever the size of the log.
import type { Chunk } from './segment';

export class ChunkCache {
  private readonly lru = new Map<Chunk, number>();
  private bytes = 0;
  constructor(readonly budgetBytes: number) {}

  touch(chunk: Chunk): void {
    const had = this.lru.get(chunk);
    if (had !== undefined) this.lru.delete(chunk);
    else this.bytes += chunk.byteLength;
    this.lru.set(chunk, chunk.byteLength);
    this.evict();
  }

  forget(chunk: Chunk): void {
    const had = this.lru.get(chunk);
    if (had === undefined) return;
    this.lru.delete(chunk);
    this.bytes -= had;
  }

  residentBytes(): number {
    return this.bytes;
  }

  private evict(): void {
    for (const [chunk, size] of this.lru) {
      if (this.bytes <= this.budgetBytes) return;
      this.lru.delete(chunk);
      this.bytes -= size;
      chunk.data = undefined;
    }
  }
}
