import { describe, expect, it } from 'vitest';
import { orderingGuarantee } from './figureRows';

describe('orderingGuarantee (read off the ordering the logs hold)', () => {
  it('says there is no order across aggregates when each has its own topic', () => {
    expect(orderingGuarantee({ aggregatesChecked: 50, aggregatesInOrder: 50, maxAggregatesPerPartition: 1, maxTypesPerPartition: 1, partitionsToMerge: 50 })).toBe(
      'Per aggregate: in order (all 50 checked); across aggregates: none (50 single-aggregate topics to merge).',
    );
  });

  it('says aggregates interleave within a partition, and when types share one', () => {
    expect(orderingGuarantee({ aggregatesChecked: 120, aggregatesInOrder: 120, maxAggregatesPerPartition: 25, maxTypesPerPartition: 2, partitionsToMerge: 6 })).toBe(
      'Per aggregate: in order (all 120 checked); across aggregates: within a partition only (up to 25 interleave in one of 6); 2 aggregate types share a partition, ordered together.',
    );
  });

  it('reports aggregates found out of order', () => {
    expect(orderingGuarantee({ aggregatesChecked: 10, aggregatesInOrder: 7, maxAggregatesPerPartition: 3, maxTypesPerPartition: 1, partitionsToMerge: 4 })).toMatch(/^Per aggregate: out of order in 3 of 10;/);
  });
});
