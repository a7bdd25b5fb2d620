import { describe, expect, it } from 'vitest';
import { compileTopology } from '../compileTopology';
import { isValidIdentifier, isValidTopicName } from '../naming';
import { hostileBoard } from './hostileBoard';

describe('hostileBoard', () => {
  for (const strategy of ['perAggregateType', 'perAggregateInstance', 'sharedTopic'] as const) {
    it(`compiles without errors into valid, unique names (${strategy})`, () => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const t = compileTopology(hostileBoard(seed, strategy));
        expect(t.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const named = [...t.events, ...t.commands, ...t.aggregates, ...t.policies, ...t.projectors, ...t.externalSystems];
        const types = named.map((n) => n.typeName);
        expect(new Set(types.map((n) => n.toLowerCase())).size).toBe(types.length);
        for (const n of named) {
          expect(isValidIdentifier(n.typeName), n.typeName).toBe(true);
          expect(isValidIdentifier(n.valueName), n.valueName).toBe(true);
          expect(n.fileName).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        }
        for (const x of t.topics) expect(isValidTopicName(x.name), x.name).toBe(true);
        expect(new Set(t.topics.map((x) => x.name)).size).toBe(t.topics.length);
        expect(new Set(t.services.map((s) => s.name)).size).toBe(t.services.length);
        expect(t.services).toHaveLength(4);
      }
    });
  }
});
