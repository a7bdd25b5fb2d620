// The simulator decides by the board's rules: over a seeded run of the Banking example no
// withdrawal takes a balance below the account's overdraft limit, every withdrawal that leaves it
// below zero is followed by an overdraft fee (the policy fires), every event's balance is the
// running sum of the stream before it, and the Balance read model adds up (deposits −
// withdrawals − fees).
// The events are read back from the run's own event topic, independently of the handlers.
import { describe, expect, it } from 'vitest';
import { compileTopology } from '../topology';
import { KafkaConsole } from './kafkaConsole';
import { SIM_EPOCH_MS, Simulation } from './simulation';
import { bankingWithoutOtherwise } from '../topology/testing/bankingWithoutOtherwise';
import { exampleBoard } from './testing/exampleBoards';

const cents = (s: unknown) => Math.round(Number(s) * 100);

describe('a run with rules', () => {
  it('withdraws into the overdraft only within the limit, the overdraft policy charges a fee each time, and the Balance read model adds up', async () => {
    const board = exampleBoard('banking');
    const t = compileTopology(board);
    const sim = new Simulation(board, { seed: 11, commandsPerSecond: 60, aggregateIds: 40 });
    await sim.start();
    for (let i = 0; i < 20; i++) await sim.advance(1000);
    sim.setRate(0);
    for (let i = 0; i < 5; i++) await sim.advance(1000);

    const account = t.aggregates.find((a) => a.label === 'Account')!;
    const topic = t.topics.find((x) => x.id === account.eventTopicId)!.name;
    const console_ = new KafkaConsole(sim.activeCluster!, SIM_EPOCH_MS);
    const running = new Map<string, number>();
    const limits = new Map<string, number>();
    const counts = { deposits: 0, withdrawals: 0, overdrawn: 0, rejected: 0, fees: 0 };
    for (let partition = 0; partition < account.stream.partitions; partition++) {
      for (let offset = 0; ; ) {
        const page = await console_.browse({ topic, partition, from: { kind: 'offset', offset }, limit: 500 });
        for (const m of page.messages) {
          const type = m.headers.find((h) => h.key === 'event-type')!.value;
          const payload = JSON.parse(m.value!) as Record<string, unknown>;
          const before = running.get(m.key!) ?? 0;
          const limit = limits.get(m.key!) ?? 0;
          let after = before;
          if (type === 'AccountOpened') limits.set(m.key!, cents(payload['overdraftLimit']));
          if (type === 'MoneyDeposited') (after = before + cents(payload['amount'])), counts.deposits++;
          if (type === 'MoneyWithdrawn') (after = before - cents(payload['amount'])), counts.withdrawals++;
          if (type === 'OverdraftFeeCharged') (after = before - cents(payload['fee'])), counts.fees++;
          if (type === 'WithdrawalRejected') {
            counts.rejected++;
            expect(cents(payload['amount'])).toBeGreaterThan(before + limit);
          }
          if (type === 'MoneyWithdrawn') {
            expect(after).toBeGreaterThanOrEqual(-limit);
            if (after < 0) counts.overdrawn++;
          }
          if (type === 'MoneyDeposited' || type === 'MoneyWithdrawn' || type === 'OverdraftFeeCharged') expect(cents(payload['balance'])).toBe(after);
          running.set(m.key!, after);
        }
        if (page.messages.length === 0) break;
        offset = page.messages.at(-1)!.offset + 1;
      }
    }
    // Both outcomes happen, decided by the balance and the limit (not by the 9:1 weights); some
    // withdrawals go below zero, and the policy charged a fee for each of them.
    expect(counts.withdrawals).toBeGreaterThan(50);
    expect(counts.rejected).toBeGreaterThan(20);
    expect(counts.overdrawn).toBeGreaterThan(50);
    expect(counts.fees).toBe(counts.overdrawn);

    const balance = t.projectors.find((p) => p.label === 'Balance')!;
    const rows = sim.tables.get(balance.elementId)!.table.all();
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect(row.fields['balance']).toMatch(/^-?\d+\.\d{2}$/);
      expect(cents(row.fields['balance'])).toBe(running.get(row.id) ?? 0);
    }
    expect(sim.snapshot().counters.handlerErrors).toBe(0);
    expect(sim.snapshot().counters.commandsRejected).toBe(0);
    await sim.stop();
  });

  it('counts a command no guard admits as rejected, not as a handler error, and writes nothing for it', async () => {
    // Withdraw money keeps only "Money withdrawn when amount <= balance": a withdrawal beyond the
    // balance has no outcome left, so the rules turn it down.
    const board = bankingWithoutOtherwise();
    const t = compileTopology(board);
    const sim = new Simulation(board, { seed: 11, commandsPerSecond: 60, aggregateIds: 40 });
    await sim.start();
    for (let i = 0; i < 10; i++) await sim.advance(1000);
    const snap = sim.snapshot();
    expect(snap.counters.handlerErrors).toBe(0);
    expect(snap.counters.commandsRejected).toBeGreaterThan(10);
    const rejectedEvent = t.events.find((e) => e.label === 'Withdrawal rejected')!;
    expect(snap.outcomes[rejectedEvent.typeName] ?? 0).toBe(0);
    // Handled, so the sticky's count includes them: every Withdraw money handled was withdrawn or rejected.
    const command = t.commands.find((c) => c.label === 'Withdraw money')!;
    const withdrawn = t.events.find((e) => e.label === 'Money withdrawn')!;
    const handled = snap.stickies!.find((s) => s.elementId === command.elementId)!.count;
    expect(handled).toBe((snap.outcomes[withdrawn.typeName] ?? 0) + snap.counters.commandsRejected);
    await sim.stop();
  });
});
