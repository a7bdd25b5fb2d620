import { describe, expect, it } from 'vitest';
import { topicConfigEntries } from './topicConfigs';

describe('topicConfigEntries', () => {
  it('passes the board topic configs to the engine and sets the run min.insync.replicas', () => {
    const entries = topicConfigEntries({ configs: { 'cleanup.policy': 'compact', 'retention.ms': '60000', 'min.insync.replicas': '3' } }, 2);
    expect(entries).toEqual([
      { name: 'cleanup.policy', value: 'compact' },
      { name: 'retention.ms', value: '60000' },
      { name: 'min.insync.replicas', value: '2' },
    ]);
  });

  it('leaves out what the engine would refuse, so the run keeps Kafka defaults for it', () => {
    const entries = topicConfigEntries({ configs: { 'retention.ms': 'soon', 'no.such.config': '1', 'segment.bytes': '4096' } }, 1);
    expect(entries.map((e) => e.name)).toEqual(['segment.bytes', 'min.insync.replicas']);
  });
});
