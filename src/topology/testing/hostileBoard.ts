// The worst board we can think of for names: every sticky, field, enum symbol, context and
// service name is hostile (quotes, backticks, "${}", comment terminators, newlines, other
// scripts, emoji, reserved words, prototype keys, leading digits, Windows device names,
// over-long text, and names that collide after cleaning, within and across contexts) while
// the design itself is valid, so the export must compile and pass its own tests.
import type { Board, FieldType, TopicStrategy } from '../../model';
import { createRng } from '../../lib/rng';
import { BoardBuilder, field } from './boardBuilder';
import { compileTopology } from '../compileTopology';

export const HOSTILE_NAMES = [
  'class',
  'constructor',
  '__proto__',
  'Promise',
  '${process.exit(1)}',
  '`rm -rf /`',
  '"quoted" name',
  "it's",
  'line\nbreak\r\u2028sep',
  '*/ evil() /*',
  '3 ds secure',
  'Деньги внесены',
  '注文が作成された',
  '🚀💸',
  'café crème',
  'then',
  'default',
  'Transport',
  'CON',
  '',
  '   ',
  '</script><script>alert(1)</script>',
  'x'.repeat(300),
  'toString',
  'export default',
  'Money deposited',
  'money-deposited',
  'MONEY  DEPOSITED!',
] as const;

const TYPES: FieldType[] = ['string', 'int', 'long', 'double', 'boolean', 'timestamp', 'uuid', 'enum', 'decimal'];

export function hostileBoard(seed = 1, strategy: TopicStrategy = 'perAggregateType'): Board {
  const rng = createRng(seed);
  let i = Math.floor(rng.next() * HOSTILE_NAMES.length);
  const name = () => HOSTILE_NAMES[i++ % HOSTILE_NAMES.length]!;
  const b = new BoardBuilder('${"Hostile"} `board` */').settings({ topicStrategy: strategy });
  // Two contexts whose names clean to the same service name, one with a hostile service name.
  const contexts = [b.context('Money deposited'), b.context('money-deposited', { instances: 2 }), b.context('🚀', { serviceName: '__proto__' })];
  const idFields = ['id of the `account` ${x}', 'constructor', '0 id'];
  const allEvents: { id: ReturnType<BoardBuilder['event']>; ctx: number }[] = [];
  const allCommands: { id: ReturnType<BoardBuilder['command']>; ctx: number }[] = [];
  const ruled: { command: ReturnType<BoardBuilder['command']> }[] = [];
  for (const [c, ctx] of [...contexts, undefined].entries()) {
    const parent = ctx ? { parent: ctx } : {};
    const idField = idFields[c % idFields.length]!;
    const idType: FieldType = c === 2 ? 'uuid' : c === 3 ? 'int' : 'string';
    for (let a = 0; a < 2; a++) {
      const agg = b.aggregate(name(), idField, { ...parent, stream: { partitions: 1 + rng.int(12), replicationFactor: 1 + rng.int(3) } });
      const payload = () => [
        field(idField, idType),
        field(name(), TYPES[rng.int(TYPES.length)]!, { symbols: [name(), name(), 'a b', 'a-b', '🚀'], precision: 10, scale: 3 }),
        field('my field', 'string', { optional: true }),
        field('my-field', 'double', { optional: true }),
        field(name(), 'enum', { symbols: ['class', 'then', '1st', '${x}'], optional: rng.chance(0.5) }),
      ];
      const actor = b.actor(name(), parent);
      for (let k = 0; k < 2; k++) {
        const cmd = b.command(name(), payload(), { ...parent, y: k * 100 });
        allCommands.push({ id: cmd, ctx: c });
        b.chain(actor, cmd, agg);
        const events = [b.event(name(), payload(), { ...parent, y: k * 100 }), b.event(name(), payload(), { ...parent, y: k * 100 + 50 })];
        b.link(agg, events[0]!, { weight: 1 + rng.int(9) }).link(agg, events[1]!, { weight: 1 });
        // Every command's outcome is decided by a rule (an exported command without one fails
        // its generated test by design): its first outcome, otherwise.
        ruled.push({ command: cmd });
        for (const e of events) allEvents.push({ id: e, ctx: c });
      }
    }
    const rm = b.readModel(name(), parent);
    for (const e of allEvents.filter((x) => x.ctx === c)) b.link(e.id, rm);
    const ext = b.external(name(), parent);
    b.link(ext, b.event(name(), [field('orderId'), field(name(), 'decimal', { precision: 8, scale: 2 })], parent));
  }
  // Policies reacting in one context and commanding another (and the default service).
  for (let p = 0; p < 4; p++) {
    const from = allEvents[(p * 5) % allEvents.length]!;
    const to = allCommands.find((x) => x.ctx !== from.ctx && x.ctx === (from.ctx + 1) % 4) ?? allCommands[0]!;
    const parent = from.ctx < contexts.length ? { parent: contexts[from.ctx]! } : {};
    b.chain(from.id, b.policy(name(), parent), to.id);
  }
  // A policy that loops back to the aggregate it reacts to (a legitimate retry-style design the
  // generated service test must survive).
  b.chain(allEvents[0]!.id, b.policy(name(), { parent: contexts[0]! }), allCommands[0]!.id);
  b.hotspot('*/ who approves ${this}?');
  const board = b.build();
  // The rule names an outcome the compiler infers for the command (names decide which), and
  // never one that sets off a chain of policies back to the same command: with rules the
  // outcome is certain, so such a chain would never end (with weights it ended by chance).
  const t = compileTopology(board);
  const reaches = (eventId: string, commandId: string, chosen: Map<string, string | undefined>, seen = new Set<string>()): boolean => {
    if (seen.has(eventId)) return false;
    seen.add(eventId);
    return t.policies.some(
      (p) => p.triggers.includes(eventId as never) && p.commands.some((c) => c === commandId || (chosen.get(c) !== undefined && reaches(chosen.get(c)!, commandId, chosen, seen))),
    );
  };
  const outcomes = new Map<string, string | undefined>();
  for (const a of t.aggregates) for (const c of a.commands) outcomes.set(c.commandId, undefined);
  for (const a of t.aggregates) {
    for (const c of a.commands) {
      const safe = c.outcomes.find((o) => !reaches(o.eventId, c.commandId, outcomes));
      outcomes.set(c.commandId, (safe ?? c.outcomes[0])?.eventId);
    }
  }
  for (const { command } of ruled) {
    const el = board.elements.find((e) => e.id === command);
    const event = outcomes.get(command) as (typeof board.elements)[number]['id'] | undefined;
    if (el?.kind === 'command' && event) el.outcomes = [{ eventId: event, when: '', fields: [] }];
  }
  return board;
}
