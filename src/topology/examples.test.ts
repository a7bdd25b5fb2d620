// The shipped example boards must compile cleanly: the workshop opens them first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoard } from '../model';
import { compileTopology } from './compileTopology';

const example = (name: string) => parseBoard(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/examples', `${name}.json`), 'utf8')));

describe('example boards', () => {
  it('Banking: one Account aggregate (drawn four times), withdrawals 9:1 between success and rejection', () => {
    const t = compileTopology(example('banking'));
    expect(t.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(t.aggregates.map((a) => a.label)).toEqual(['Account']);
    const withdraw = t.aggregates[0]!.commands.find((c) => t.commands.find((x) => x.elementId === c.commandId)?.label === 'Withdraw money')!;
    expect(withdraw.outcomes.map((o) => [t.events.find((e) => e.elementId === o.eventId)!.label, o.weight])).toEqual([
      ['Money withdrawn', 9],
      ['Withdrawal rejected', 1],
    ]);
  });

  it('E-commerce: one service per context, a policy across contexts', () => {
    const t = compileTopology(example('ecommerce'));
    expect(t.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(t.services.map((s) => s.name)).toEqual(['order-service', 'payment-service', 'shipping-service']);
    expect(t.policies.length).toBeGreaterThan(0);
  });
});
