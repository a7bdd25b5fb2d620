// "Restart to apply": start-only settings compare with their defaults filled in, and a board
// edit counts only when it changes what runs (text, links, settings), not a sticky's position.
import { describe, expect, it } from 'vitest';
import { parseBoard } from '../model';
import { runFingerprint, settingsToApply } from './runChanges';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const banking = () => parseBoard(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/examples/banking.json'), 'utf8')) as unknown);

describe('settingsToApply', () => {
  it('lists the start-only settings that differ, defaults filled in', () => {
    expect(settingsToApply({}, {})).toEqual([]);
    expect(settingsToApply({ brokers: 3 }, {})).toEqual([]);
    expect(settingsToApply({ brokers: 5 }, { brokers: 3 })).toEqual(['brokers']);
    expect(settingsToApply({ brokers: 5, minInsyncReplicas: 1 }, {})).toEqual(['brokers', 'minInsyncReplicas']);
    // Options a running simulation takes at once never ask for a restart.
    expect(settingsToApply({ acks: 1, speed: 10, commandsPerSecond: 100 }, {})).toEqual([]);
  });
});

describe('runFingerprint', () => {
  it('ignores positions and changes with text, links and settings', () => {
    const b = banking();
    const base = runFingerprint(b);
    const moved = { ...b, elements: b.elements.map((e) => ({ ...e, x: e.x + 40, y: e.y - 10 })) };
    expect(runFingerprint(moved)).toBe(base);
    const renamed = { ...b, elements: b.elements.map((e, i) => (i === 0 ? { ...e, text: `${e.text} (renamed)` } : e)) };
    expect(runFingerprint(renamed)).not.toBe(base);
    expect(runFingerprint({ ...b, links: b.links.slice(1) })).not.toBe(base);
    expect(runFingerprint({ ...b, settings: { ...b.settings, snapToGrid: !b.settings.snapToGrid } })).toBe(base);
    expect(runFingerprint({ ...b, settings: { ...b.settings, topicStrategy: 'sharedTopic' } })).not.toBe(base);
  });
});
