// The board's rules written as TypeScript for the export: each rule-language expression printed
// with the runtime's rule helpers (src/runtime/rules.ts) so it behaves as the simulator's
// interpreter does, and the aggregate's decide/evolve, a projector's computed columns and a
// policy's condition as readable code with the rule's text as a comment above it.
import type { ComputedField, Expr, ExprType } from '../../model';
import { checkExpression, compileRule, exprTypeOfComputed, exprTypeOfField, ruleFunction } from '../../model';
import type { AggregateSpec, EventSpec, FieldSpec, PolicySpec, ProjectorSpec, Topology } from '../../topology';
import { commandRejection, conditionScope, guardScope, ruleName, updateScope, updateType } from '../../topology';
import { commentText, str } from '../emit/escape';

/** How a name in scope reads in TypeScript. */
type Resolver = (name: string) => string;

const access = (obj: string, key: string) => `${obj}[${str(key)}]`;

function read(type: ExprType, value: string, name: string): string {
  switch (type) {
    case 'number':
      return `_rules.num(${value}, ${str(name)})`;
    case 'string':
      return `_rules.str(${value}, ${str(name)})`;
    case 'boolean':
      return `_rules.bool(${value}, ${str(name)})`;
    default:
      return `_rules.list(${value}, ${str(name)})`;
  }
}

/** Resolver for payload fields (bare and prefixed) and computed fields, first part winning bare names. */
function resolver(parts: { prefix: string; obj: string; fields: { key: string; name: string; type: ExprType }[] }[]): Resolver {
  const map = new Map<string, string>();
  for (const p of parts) for (const f of p.fields) map.set(`${p.prefix}.${f.name}`, read(f.type, access(p.obj, f.key), f.name));
  for (const p of parts) for (const f of p.fields) if (!map.has(f.name)) map.set(f.name, read(f.type, access(p.obj, f.key), f.name));
  return (name) => map.get(name) ?? `_rules.val(undefined, ${str(name)})`;
}

const payloadPart = (prefix: string, obj: string, fields: readonly FieldSpec[]) => ({ prefix, obj, fields: fields.map((f) => ({ key: f.name, name: ruleName(f), type: exprTypeOfField(f.type) })) });
const computedPart = (prefix: string, obj: string, fields: readonly ComputedField[]) => ({ prefix, obj, fields: fields.map((f) => ({ key: f.name, name: f.name, type: exprTypeOfComputed(f.type) })) });

/** An expression as TypeScript; `scope` gives subexpression types (the checker's). */
export function printExpr(e: Expr, scope: Map<string, ExprType>, names: Resolver): string {
  const p = (x: Expr) => printExpr(x, scope, names);
  const type = (x: Expr) => checkExpression(x, scope);
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'string':
      return str(e.value);
    case 'boolean':
      return String(e.value);
    case 'list':
      return `[${e.items.map(p).join(', ')}]`;
    case 'name':
      return names(e.name);
    case 'unary':
      return e.op === 'not' ? `!${p(e.arg)}` : `(-${p(e.arg)})`;
    case 'conditional':
      return `(${p(e.test)} ? ${p(e.then)} : ${p(e.otherwise)})`;
    case 'call': {
      const fn = ruleFunction(e.fn)!;
      return fn.ts(e.args.map(p));
    }
    case 'binary': {
      const [a, b] = [p(e.left), p(e.right)];
      switch (e.op) {
        case 'and':
          return `(${a} && ${b})`;
        case 'or':
          return `(${a} || ${b})`;
        case '==':
          return `_rules.eq(${a}, ${b})`;
        case '!=':
          return `!_rules.eq(${a}, ${b})`;
        case '/':
          return `_rules.div(${a}, ${b})`;
        case '%':
          return `_rules.mod(${a}, ${b})`;
        case '+': {
          const [ta, tb] = [type(e.left), type(e.right)];
          if (ta === 'list' && tb === 'list') return `[...${a}, ...${b}]`;
          if (ta === 'string' || tb === 'string') return `\`\${${a}}\${${b}}\``;
          return `_rules.fin(${a} + ${b})`;
        }
        case '-':
        case '*':
          return `_rules.fin(${a} ${e.op} ${b})`;
        default:
          return `(${a} ${e.op} ${b})`;
      }
    }
  }
}

/** A rule text as TypeScript, or a throw that names the rule (the export is blocked on rule errors anyway). */
function code(text: string, scope: Map<string, ExprType>, expected: ExprType, names: Resolver): string {
  const c = compileRule(text, scope, expected);
  if (!c.ok) return `_rules.val<never>(undefined, ${str(`the rule "${text}" (${c.error.message})`)})`;
  return printExpr(c.expr, scope, names);
}

/** A rule value written into a payload field, as rules.ts's interpreter twin does. */
function toField(spec: FieldSpec, value: string): string {
  if (spec.type === 'decimal') return `${value}.toFixed(${spec.scale ?? 0})`;
  if (spec.type === 'int' || spec.type === 'long' || spec.type === 'timestamp') return `Math.round(${value})`;
  return value;
}

function initialCode(f: ComputedField): string {
  if (f.initial.trim()) return code(f.initial, new Map(), exprTypeOfComputed(f.type), () => 'undefined');
  return f.type === 'decimal' || f.type === 'number' ? '0' : f.type === 'text' ? "''" : f.type === 'boolean' ? 'false' : '[]';
}

function settleCode(f: ComputedField, value: string): string {
  return f.type === 'decimal' ? `_rules.settle(${value}, ${f.scale ?? 2})` : value;
}

/** The `case` bodies of evolve: per event, its updates of the computed fields. */
function evolveCases(t: Topology, fields: readonly ComputedField[], prefix: 'state' | 'row', eventIds: readonly string[], ind: string): string {
  const byEvent = new Map<string, { event: EventSpec; lines: string[] }>();
  for (const f of fields) {
    for (const u of f.updates) {
      const event = t.events.find((e) => e.elementId === u.eventId);
      if (!event || !eventIds.includes(u.eventId)) continue;
      const scope = updateScope(event.fields, fields, prefix);
      const names = resolver([payloadPart('event', 'e', event.fields), computedPart(prefix, 's', fields)]);
      const expr = code(u.expr, scope, updateType(f, u.op), names);
      const current = read(exprTypeOfComputed(f.type), access('next', f.name), f.name);
      const value = u.op === 'set' ? expr : u.op === 'append' ? `_rules.appended(${access('next', f.name)}, ${expr})` : `_rules.fin(${current} ${u.op === 'add' ? '+' : '-'} ${expr})`;
      const entry = byEvent.get(event.typeName) ?? { event, lines: [] };
      entry.lines.push(`${ind}  // ${commentText(`${f.name}: ${u.op} ${u.expr}`)}`, `${ind}  ${access('next', f.name)} = ${settleCode(f, value)};`);
      byEvent.set(event.typeName, entry);
    }
  }
  return [...byEvent.values()].map(({ event, lines }) => `${ind}case ${str(event.typeName)}: {\n${lines.join('\n')}\n${ind}  break;\n${ind}}`).join('\n');
}

export interface AggregateRulesCode {
  /** Source placed in the aggregate module (defines `rules`, and the functions still to write). */
  code: string;
  /** Commands that choose between outcomes without rules: the function to fill in for each. */
  toWrite: { command: string; label: string; fn: string }[];
}

/** The aggregate's rules as code, or null when it has none and every command has one outcome. */
export function aggregateRulesCode(t: Topology, agg: AggregateSpec): AggregateRulesCode | null {
  const toWrite = agg.commands
    .filter((c) => !c.rules && c.outcomes.length > 1)
    .map((c) => {
      const cmd = t.commands.find((x) => x.elementId === c.commandId)!;
      return { command: cmd.typeName, label: cmd.label, fn: `decide${cmd.typeName}`, outcomes: c.outcomes.map((o) => t.events.find((e) => e.elementId === o.eventId)?.label ?? '?') };
    });
  if (agg.state.length === 0 && !agg.commands.some((c) => c.rules) && toWrite.length === 0) return null;
  const initial = agg.state.map((f) => `    // ${commentText(`${f.name} (${f.type})${f.initial ? `: starts at ${f.initial}` : ''}`)}\n    ${str(f.name)}: ${initialCode(f)},`).join('\n');
  const cases: string[] = [];
  for (const c of agg.commands) {
    const cmd = t.commands.find((x) => x.elementId === c.commandId);
    if (!cmd) continue;
    const fn = toWrite.find((w) => w.command === cmd.typeName);
    if (fn) {
      cases.push(`      case ${str(cmd.typeName)}:\n        return ${fn.fn}(state, command);`);
      continue;
    }
    if (!c.rules) continue;
    const scope = guardScope(cmd.fields, agg.state);
    const names = resolver([payloadPart('command', 'c', cmd.fields), computedPart('state', 's', agg.state)]);
    const lines: string[] = [];
    let otherwise: string | null = null;
    for (const rule of c.rules) {
      const event = t.events.find((e) => e.elementId === rule.eventId);
      if (!event || !c.outcomes.some((o) => o.eventId === rule.eventId)) continue;
      const fields = rule.fields.flatMap((f) => {
        const spec = event.fields.find((x) => x.label === f.field || x.name === f.field);
        return spec ? [`${str(spec.name)}: ${toField(spec, code(f.expr, scope, exprTypeOfField(spec.type), names))}`] : [];
      });
      const ret = `return { event: ${str(event.typeName)}, fields: { ${fields.join(', ')} } };`;
      const fieldNote = rule.fields.length ? `; ${rule.fields.map((f) => `${f.field} = ${f.expr}`).join(', ')}` : '';
      if (rule.when.trim()) lines.push(`        // ${commentText(`${event.label} when: ${rule.when}${fieldNote}`)}`, `        if (${code(rule.when, scope, 'boolean', names)}) ${ret}`);
      else if (otherwise === null) otherwise = `        // ${commentText(`${event.label} otherwise${fieldNote}`)}\n        ${ret}`;
    }
    lines.push(otherwise ?? `        throw new _agg.CommandRejectedError(${str(commandRejection(t, agg, c.commandId))});`);
    cases.push(`      case ${str(cmd.typeName)}: {\n${lines.join('\n')}\n      }`);
  }
  const evolve = evolveCases(t, agg.state, 'state', agg.events, '      ');
  const marked = toWrite
    .map(
      (w) => `/**
 * TO WRITE: the board gives no rule for ${commentText(w.label)}, which leads to ${commentText(w.outcomes.join(' or '))}.
 * Decide from the state and the command which one happens (return its event type and any fields
 * it computes), or give the command's outcomes guards on the board and export again. Until then
 * the command fails, and its generated test says so.
 */
export function ${w.fn}(state: Readonly<_rt.Payload>, command: _rt.CommandEnvelope): _agg.RuleDecision {
  void state;
  throw new _rules.RuleNotWrittenError(${str(`${w.label} has no rule yet: write ${w.fn}() in this file, or give its outcomes guards on the board`)} + \` (command \${command.type})\`);
}
`,
    )
    .join('\n');
  const source = `${marked}${marked ? '\n' : ''}/**
 * The board's rules for ${commentText(agg.label)}, as code: its state fields, how each event
 * changes them, and which event each command leads to. (The simulator runs the same rules.)
 */
export const rules: _agg.AggregateRules = {
  initial: () => ({${initial ? `\n${initial}\n  ` : ''}}),
  evolve(state, event) {
    const s: _rt.Payload = { ...rules.initial(), ...state };
    const e = event.payload;
    const next: _rt.Payload = { ...s };
    void s;
    void e;
    switch (event.type) {
${evolve}
    }
    return next;
  },
  decide(state, command) {
    const s: _rt.Payload = { ...rules.initial(), ...state };
    const c = command.payload;
    void s;
    void c;
    switch (command.type) {
${cases.join('\n')}
      default:
        return null;
    }
  },
};
`;
  return { code: source, toWrite: toWrite.map(({ command, label, fn }) => ({ command, label, fn })) };
}

/** A read model's computed columns as code, or null when it has none. */
export function projectorColumnsCode(t: Topology, projector: ProjectorSpec): string | null {
  if (projector.columns.length === 0) return null;
  const shown = (f: ComputedField, v: string) => (f.type === 'decimal' ? `(${v} as number).toFixed(${f.scale ?? 2})` : v);
  const initial = projector.columns.map((f) => `    ${str(f.name)}: ${shown(f, initialCode(f))},`).join('\n');
  const evolve = evolveCases(t, projector.columns, 'row', projector.events, '      ');
  const display = projector.columns.map((f) => `${str(f.name)}: ${shown(f, `${access('next', f.name)}`)}`).join(', ');
  return `/**
 * The read model's computed fields (from the board): each event that feeds it changes them as
 * the rules say; a row shows them after the event's own fields.
 */
export const columns: _projector.ProjectorColumns = {
  initial: () => ({
${initial}
  }),
  evolve(current, event) {
    const s = current;
    const e = event.payload;
    const next: Record<string, unknown> = {};
${projector.columns.map((f) => `    ${access('next', f.name)} = ${f.type === 'decimal' || f.type === 'number' ? `_rules.num(${access('current', f.name)} ?? ${initialCode(f)}, ${str(f.name)})` : `${access('current', f.name)} ?? ${initialCode(f)}`};`).join('\n')}
    void s;
    void e;
    switch (event.type) {
${evolve}
    }
    return { ${display} };
  },
};
`;
}

/** A policy's condition as code, or null when it has none. */
export function policyConditionCode(t: Topology, policy: PolicySpec): string | null {
  if (!policy.when) return null;
  const triggers = policy.triggers.map((id) => t.events.find((e) => e.elementId === id)).filter((e): e is EventSpec => !!e);
  const scope = conditionScope(triggers);
  const fields = triggers[0]?.fields.filter((f) => scope.has(`event.${ruleName(f)}`)) ?? [];
  const names = resolver([payloadPart('event', 'e', fields)]);
  return `/** ${commentText(`Issues its commands only when: ${policy.when}`)} */
export function when(event: _rt.EventEnvelope): boolean {
  const e = event.payload;
  return ${code(policy.when, scope, 'boolean', names)};
}
`;
}
