import { afterEach, describe, expect, it } from 'vitest';
import type { SimSnapshot } from '../sim';
import type { SimClient } from '../worker/simClient';
import type { SimCommand, SimMessage } from '../worker/simProtocol';
import { setSimClient, simMessagesReceived, useSimStore } from './simStore';

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
});
