import { beforeEach, describe, expect, it } from 'vitest';
import type { KafkaConsoleApi, ResetRequest } from '../sim';
import { browseRequest, setTopicsConsole, startFrom, useTopicsStore } from './topicsStore';

describe('topics store', () => {
  beforeEach(() => {
    useTopicsStore.getState().clear();
    setTopicsConsole(null);
  });

  it('turns the forms into requests, and says what to type when they do not parse', () => {
    expect(startFrom('offset', ' 42 ', '')).toEqual({ kind: 'offset', offset: 42 });
    expect(startFrom('time', '', '1.5')).toEqual({ kind: 'time', atMs: 1500 });
    expect(startFrom('earliest', 'x', 'y')).toEqual({ kind: 'earliest' });
    expect(startFrom('offset', '-1', '')).toMatch(/not a whole number/);
    expect(startFrom('time', '', 'soon')).toMatch(/not a number of seconds/);
    expect(browseRequest('t', { partition: '2', from: 'latest', offset: '', seconds: '', key: 'k', text: 'x' })).toEqual({ topic: 't', partition: 2, from: { kind: 'latest' }, key: 'k', text: 'x' });
    expect(browseRequest('t', { partition: 'all', from: 'earliest', offset: '', seconds: '', key: '', text: '' })).toMatchObject({ partition: null });
  });

  it("shows the console's answer to a reset, and its refusal as an error", async () => {
    const asked: ResetRequest[] = [];
    let refuse = true;
    setTopicsConsole({
      resetOffsets: async (r: ResetRequest) => {
        asked.push(r);
        if (refuse) throw Object.assign(new Error('Offsets of group "g" can only be reset while the group is inactive'), { code: 'UNKNOWN_MEMBER_ID' });
        return { partitions: [{ partition: 0, before: '-1', after: '3' }] };
      },
    } as unknown as KafkaConsoleApi);
    const s = useTopicsStore.getState();
    s.setTopic('orders');
    await s.resetOffsets();
    expect(useTopicsStore.getState().resetOutcome).toEqual({ ok: false, text: 'Choose the group whose offsets to reset.' });
    s.setReset({ groupId: 'g', to: 'offset', offset: '3', partition: '0' });
    await useTopicsStore.getState().resetOffsets();
    expect(useTopicsStore.getState().resetOutcome).toMatchObject({ ok: false, text: expect.stringMatching(/inactive/) });
    refuse = false;
    await useTopicsStore.getState().resetOffsets();
    expect(useTopicsStore.getState().resetOutcome).toEqual({ ok: true, text: 'Offsets of g on orders reset (partition 0: none → 3).' });
    expect(asked.at(-1)).toEqual({ groupId: 'g', topic: 'orders', partition: 0, to: { kind: 'offset', offset: 3 } });
  });
});
