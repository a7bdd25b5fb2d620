import { afterEach, describe, expect, it } from 'vitest';
import type { SimSnapshot } from '../sim';
import type { SimClient } from '../worker/client';
import type { SimCommand, SimMessage } from '../worker/protocol';
import type { Board } from '../model';
import { MAX_COMMANDS_PER_SECOND, runControls, setSimClient, simMessagesReceived, useSimStore } from './simStore';

function fakeClient() {
  const sent: SimCommand[] = [];
  let listener: ((m: SimMessage) => void) | null = null;
  const client: SimClient = {
    send: (c) => void sent.push(c),
    onMessage: (l) => ((listener = l), () => (listener = null)),
    terminate: () => undefined,
  };
  return { client, sent, emit: (m: SimMessage) => listener?.(m) };
}

const snap = (at: number) => ({ at, source: 'board' }) as unknown as SimSnapshot;

describe('simStore', () => {
  afterEach(() => useSimStore.getState().reset());

  it('sends typed commands to the worker client', () => {
    const f = fakeClient();
    setSimClient(f.client);
    useSimStore.getState().broker('stop', 1);
    useSimStore.getState().instance('add', 'account-service');
    expect(f.sent).toEqual([{ type: 'broker', action: 'stop', id: 1 }, { type: 'instance', action: 'add', target: 'account-service' }]);
  });

  it('applies many messages as one update per frame, keeping the latest snapshot', async () => {
    const f = fakeClient();
    setSimClient(f.client);
    useSimStore.getState().pause();
    let renders = 0;
    const off = useSimStore.subscribe(() => renders++);
    const before = simMessagesReceived();
    for (let i = 1; i <= 10; i++) f.emit({ type: 'snapshot', snapshot: snap(i * 10), series: { names: [], columns: [] } });
    expect(useSimStore.getState().snapshot).toBeNull();
    await new Promise((r) => setTimeout(r, 40));
    off();
    expect(simMessagesReceived() - before).toBe(10);
    expect(renders).toBe(1);
    expect(useSimStore.getState().snapshot?.at).toBe(100);
  });

  it('a run belongs to its board: showing another board pauses it, and "Run simulation" there runs the board on screen', async () => {
    const f = fakeClient();
    setSimClient(f.client);
    const banking = { id: 'board:banking' } as unknown as Board;
    const shop = { id: 'board:shop' } as unknown as Board;
    const running = (state: string) => f.emit({ type: 'snapshot', snapshot: { at: 1, source: 'board', state } as unknown as SimSnapshot, series: { names: [], columns: [] } });
    const frame = () => new Promise((r) => setTimeout(r, 40));

    useSimStore.getState().run(banking);
    running('running');
    await frame();
    expect(runControls(useSimStore.getState(), banking.id)).toEqual({ live: true, action: 'pause' });
    expect(runControls(useSimStore.getState(), shop.id)).toEqual({ live: false, action: 'run' });

    f.sent.length = 0;
    useSimStore.getState().boardShown(shop.id);
    expect(f.sent).toEqual([{ type: 'pause' }]);
    running('paused');
    await frame();
    // Paused already: switching again sends nothing the worker would refuse.
    useSimStore.getState().boardShown(banking.id);
    useSimStore.getState().boardShown(shop.id);
    expect(f.sent).toEqual([{ type: 'pause' }]);
    expect(runControls(useSimStore.getState(), shop.id)).toEqual({ live: false, action: 'run' });
    expect(runControls(useSimStore.getState(), banking.id)).toEqual({ live: true, action: 'resume' });

    useSimStore.getState().run(shop);
    expect(f.sent.at(-1)).toMatchObject({ type: 'start', board: shop });
    expect(useSimStore.getState().runBoardId).toBe(shop.id);
  });

  it('clamps the command rate to 20,000/s before anything reaches the worker', () => {
    const f = fakeClient();
    setSimClient(f.client);
    const board = { id: 'board:x' } as unknown as Board;
    useSimStore.getState().setRate(100_000);
    expect(useSimStore.getState().options.commandsPerSecond).toBe(MAX_COMMANDS_PER_SECOND);
    useSimStore.setState({ options: { commandsPerSecond: 1e9 } });
    useSimStore.getState().run(board);
    f.emit({ type: 'snapshot', snapshot: { at: 0, source: 'board', state: 'running' } as unknown as SimSnapshot, series: { names: [], columns: [] } });
    useSimStore.setState({ snapshot: { at: 0, source: 'board', state: 'running' } as unknown as SimSnapshot });
    useSimStore.getState().setRate(Infinity);
    useSimStore.getState().setRate(-5);
    useSimStore.getState().setRate(Number.NaN);
    expect(f.sent.map((c) => (c.type === 'start' ? c.options.commandsPerSecond : c.type === 'rate' ? c.commandsPerSecond : null))).toEqual([MAX_COMMANDS_PER_SECOND, MAX_COMMANDS_PER_SECOND, 0, 0]);
  });
});

describe('run settings and restarts', () => {
  afterEach(() => useSimStore.getState().reset());

  it('keeps start-only settings for the next run without sending them, and remembers what the run started with', () => {
    const f = fakeClient();
    setSimClient(f.client);
    const board = { id: 'board:banking' } as unknown as Board;
    useSimStore.getState().setRunSettings({ brokers: 5 });
    expect(f.sent).toEqual([]);
    useSimStore.getState().run(board);
    expect(f.sent).toEqual([{ type: 'start', board, options: { brokers: 5 } }]);
    expect(useSimStore.getState().runOptions).toEqual({ brokers: 5 });
    expect(useSimStore.getState().runBoard).toBe(board);
    useSimStore.getState().setRunSettings({ minInsyncReplicas: 1 });
    expect(useSimStore.getState().options).toEqual({ brokers: 5, minInsyncReplicas: 1 });
    expect(useSimStore.getState().runOptions).toEqual({ brokers: 5 });
  });

  it('restarts a crashed instance as a new instance of its service, after removing it', () => {
    const f = fakeClient();
    setSimClient(f.client);
    useSimStore.getState().restartInstance('account-service-2', 'el:accounts');
    expect(f.sent).toEqual([
      { type: 'instance', action: 'remove', target: 'account-service-2' },
      { type: 'instance', action: 'add', target: 'el:accounts' },
    ]);
  });

  it('a board shown gets its stored run back, paused, and another board shown then has none on screen', async () => {
    const f = fakeClient();
    setSimClient(f.client);
    const banking = { id: 'board:banking' } as unknown as Board;
    const shop = { id: 'board:shop' } as unknown as Board;
    const frame = () => new Promise((r) => setTimeout(r, 40));
    useSimStore.getState().restoreStored(banking);
    expect(f.sent).toEqual([{ type: 'restore', board: banking }]);
    f.emit({ type: 'restored', boardId: banking.id, found: true });
    f.emit({ type: 'snapshot', snapshot: { at: 12_000, source: 'board', state: 'paused', stored: true, speed: 10, commandsPerSecond: 90, acks: 1, assignor: 'sticky' } as unknown as SimSnapshot, series: { names: [], columns: [] } });
    await frame();
    expect(useSimStore.getState().runBoardId).toBe(banking.id);
    // The controls show the restored run's own settings.
    expect(useSimStore.getState().options).toMatchObject({ speed: 10, commandsPerSecond: 90, acks: 1, assignor: 'sticky' });
    expect(runControls(useSimStore.getState(), banking.id)).toEqual({ live: true, action: 'resume' });
    // Already on the worker: asking again sends nothing.
    useSimStore.getState().restoreStored(banking);
    expect(f.sent).toHaveLength(1);
    // Another board without a stored run: the worker stored Banking's away; nothing is live.
    useSimStore.getState().restoreStored(shop);
    f.emit({ type: 'restored', boardId: shop.id, found: false });
    await frame();
    expect(useSimStore.getState().snapshot).toBeNull();
    expect(runControls(useSimStore.getState(), shop.id)).toEqual({ live: false, action: 'run' });
    // Back on Banking, it is asked for again (the worker no longer has it open).
    useSimStore.getState().restoreStored(banking);
    expect(f.sent.at(-1)).toEqual({ type: 'restore', board: banking });
  });

  it('"Run simulation" pressed before the worker answers the board\'s restore: the run stays live (the late "not found" does not clear it)', async () => {
    const f = fakeClient();
    setSimClient(f.client);
    const banking = { id: 'board:banking' } as unknown as Board;
    const frame = () => new Promise((r) => setTimeout(r, 40));
    useSimStore.getState().restoreStored(banking);
    useSimStore.getState().run(banking);
    // The worker answers in order: first the restore (nothing stored), then the run's snapshots.
    f.emit({ type: 'restored', boardId: banking.id, found: false });
    f.emit({ type: 'snapshot', snapshot: { at: 1, source: 'board', state: 'running' } as unknown as SimSnapshot, series: { names: [], columns: [] } });
    await frame();
    expect(useSimStore.getState().runBoardId).toBe(banking.id);
    expect(runControls(useSimStore.getState(), banking.id)).toEqual({ live: true, action: 'pause' });
  });

  it('"Run simulation" pressed after the restore\'s "not found" arrived but before it was applied: the run stays live', async () => {
    // Under load the frame that applies received messages comes late: a click lands in between.
    const f = fakeClient();
    setSimClient(f.client);
    const banking = { id: 'board:banking' } as unknown as Board;
    const frame = () => new Promise((r) => setTimeout(r, 40));
    useSimStore.getState().restoreStored(banking);
    f.emit({ type: 'restored', boardId: banking.id, found: false });
    useSimStore.getState().run(banking);
    await frame();
    f.emit({ type: 'snapshot', snapshot: { at: 1, source: 'board', state: 'running' } as unknown as SimSnapshot, series: { names: [], columns: [] } });
    await frame();
    expect(useSimStore.getState().runBoardId).toBe(banking.id);
    expect(runControls(useSimStore.getState(), banking.id)).toEqual({ live: true, action: 'pause' });
  });

  it('a run started while the previous run\'s snapshot waits for its frame shows none of that run', async () => {
    const f = fakeClient();
    setSimClient(f.client);
    const banking = { id: 'board:banking' } as unknown as Board;
    const shop = { id: 'board:shop' } as unknown as Board;
    const frame = () => new Promise((r) => setTimeout(r, 40));
    useSimStore.getState().run(banking);
    f.emit({ type: 'snapshot', snapshot: { at: 5_000, source: 'board', state: 'paused' } as unknown as SimSnapshot, series: { names: [], columns: [] } });
    useSimStore.getState().run(shop);
    await frame();
    expect(useSimStore.getState().snapshot).toBeNull();
    expect(useSimStore.getState().runBoardId).toBe(shop.id);
  });

  it('Stop of a stored run asks whether to discard it, and the question stays until the worker confirms', async () => {
    const f = fakeClient();
    setSimClient(f.client);
    const banking = { id: 'board:banking' } as unknown as Board;
    useSimStore.getState().run(banking);
    f.emit({ type: 'snapshot', snapshot: { at: 1, source: 'board', state: 'running', stored: true, boardName: 'Banking' } as unknown as SimSnapshot, series: { names: [], columns: [] } });
    await new Promise((r) => setTimeout(r, 40));
    useSimStore.getState().stop();
    expect(useSimStore.getState().stoppedStored).toEqual({ boardId: banking.id, boardName: 'Banking' });
    useSimStore.getState().discardStored(banking.id);
    expect(f.sent.at(-1)).toEqual({ type: 'discard', boardId: banking.id });
    expect(useSimStore.getState().stoppedStored?.discarding).toBe(true);
    f.emit({ type: 'discarded', boardId: banking.id });
    await new Promise((r) => setTimeout(r, 40));
    expect(useSimStore.getState().stoppedStored).toBeNull();
  });
});
