// Which simulated record sits at each offset of a physical log: a dense array from a base offset
// that can drop its head, so it stays as small as the part of the log still in play.
export class OffsetIds {
  private ids: number[] = [];
  private base = 0;

  get(offset: number): number | undefined {
    return offset < this.base ? undefined : this.ids[offset - this.base];
  }

  set(offset: number, id: number): void {
    if (offset < this.base) return;
    if (this.ids.length === 0 && offset > this.base) this.base = offset;
    this.ids[offset - this.base] = id;
  }

  /** Forgets everything at or above `offset`. */
  truncateTo(offset: number): void {
    this.ids.length = Math.max(0, Math.min(this.ids.length, offset - this.base));
  }

  dropBelow(offset: number): void {
    const n = offset - this.base;
    if (n <= 0) return;
    this.ids.splice(0, Math.min(n, this.ids.length));
    this.base = offset;
  }
}
