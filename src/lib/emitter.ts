// A tiny typed event emitter shared by the engine, the simulator and the stores.
export type Listener<T> = (payload: T) => void;

export class Emitter<Events extends Record<string, unknown>> {
  // Each event's listeners as an array that is replaced, never changed, when one is added or
  // removed: an emit walks the array it found, so a listener added or removed by a listener takes
  // effect from the next emit, and emits (the high watermark's, on every move) copy nothing.
  private readonly listeners = new Map<keyof Events, readonly Listener<never>[]>();

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    const l = listener as Listener<never>;
    // A listener is registered once however often it is added (as in a Set).
    const before = this.listeners.get(event) ?? [];
    if (!before.includes(l)) this.listeners.set(event, [...before, l]);
    return () => {
      const now = this.listeners.get(event) ?? [];
      const i = now.indexOf(l);
      if (i >= 0) this.listeners.set(event, [...now.slice(0, i), ...now.slice(i + 1)]);
    };
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const list = this.listeners.get(event);
    if (!list) return;
    for (let i = 0; i < list.length; i++) (list[i] as Listener<Events[K]>)(payload);
  }

  clear(): void {
    this.listeners.clear();
  }
}
