// The benchmark board (src/sim/testing/benchBoard.ts) with a rule that decides "Add item": the
// item is refused when more than 4 are asked for (quantities are drawn from 1–5, so about one in
// five), added otherwise. Its export can then run: since the export writes the board's rules as
// code, a command that chooses among weighted outcomes without rules exports a function to
// write and fails until it is written (every "Add item" did, and the services on Kafka wrote
// no event). Both sides of bench/exportKafka.node.ts run this board, so they decide alike.
import type { Board, ElementId } from '../../src/model';
import { benchBoard } from '../../src/sim/testing/benchBoard';

export function decidedBenchBoard(): Board {
  const board = benchBoard();
  const outcomes = [
    { eventId: 'el:bench-ea2' as ElementId, when: 'quantity > 4', fields: [] },
    { eventId: 'el:bench-ea1' as ElementId, when: '', fields: [] },
  ];
  return { ...board, elements: board.elements.map((e) => (e.kind === 'command' && e.id === 'el:bench-ca1' ? { ...e, outcomes } : e)) };
}
