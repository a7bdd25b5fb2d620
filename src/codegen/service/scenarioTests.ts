// services/<svc>/test/scenarios.test.ts: every Given-When-Then scenario of the board that
// belongs to this service, as a test on the exported code (the aggregate's decide after its
// given events, a policy's react, a projector's row), with the values each Then row expects
// written out (cells such as `When.amount` already evaluated).
import type { ScenarioCase, Topology } from '../../topology';
import { commandRejection } from '../../topology';
import { indented, str } from '../emit/escape';
import { ROOT_FROM_TEST as R } from './paths';

const NOW = 1_700_000_000_000;

/** The service a scenario's test belongs to. */
export function scenarioService(t: Topology, c: ScenarioCase): string | undefined {
  if (c.kind === 'command') return t.aggregates.find((a) => a.elementId === c.aggregateId)?.serviceId;
  if (c.kind === 'policy') return t.policies.find((p) => p.elementId === c.elementId)?.serviceId;
  return t.projectors.find((p) => p.elementId === c.elementId)?.serviceId;
}

export function scenarioTests(t: Topology, cases: readonly ScenarioCase[]): string {
  const imports = new Map<string, string>();
  const moduleOf = (path: string) => {
    if (!imports.has(path)) imports.set(path, `_m${imports.size}`);
    return imports.get(path)!;
  };
  const tests = cases.map((c) => {
    const title = str(`${c.ownerLabel} — scenario: ${c.name}`);
    if (c.kind === 'command') {
      const agg = t.aggregates.find((a) => a.elementId === c.aggregateId)!;
      const m = moduleOf(`../src/aggregates/${agg.fileName}.js`);
      const decide = `${m}.decide(${m}.rehydrate(command.aggregateId, given), command, seededEnv(7, ${NOW}))`;
      const body = c.rejected
        ? `  assert.throws(() => ${decide}, (err) => err instanceof CommandRejectedError && err.message === ${str(commandRejection(t, agg, c.elementId))});`
        : `  const events = ${decide};
  assert.deepEqual(events.map((e) => e.type), ${indented(c.expected.map((e) => e.type), 2)});
${c.expected.flatMap((e, i) => Object.entries(e.fields).map(([k, v]) => `  assert.deepEqual(events[${i}]?.payload[${str(k)} as never], ${indented(v, 2)});`)).join('\n')}`;
      return `test(${title}, () => {
  const given: ${m}.Event[] = ${indented(c.given, 2)};
  const command = ${indented(c.command, 2)} as ${m}.Command;
${body}
});`;
    }
    if (c.kind === 'policy') {
      const policy = t.policies.find((p) => p.elementId === c.elementId)!;
      const m = moduleOf(`../src/policies/${policy.fileName}.js`);
      return `test(${title}, () => {
  const commands = ${m}.react(${indented(c.given[0], 2)}, seededEnv(7, ${NOW}));
  assert.deepEqual(commands.map((x) => x.type), ${indented(c.expected.map((e) => e.type), 2)});
${c.expected.flatMap((e, i) => Object.entries(e.fields).map(([k, v]) => `  assert.deepEqual(commands[${i}]?.payload[${str(k)}], ${indented(v, 2)});`)).join('\n')}
});`;
    }
    const projector = t.projectors.find((p) => p.elementId === c.elementId)!;
    const m = moduleOf(`../src/projectors/${projector.fileName}.js`);
    return `test(${title}, () => {
  const given = ${indented(c.given, 2)};
  let row: ReadModelRow | undefined;
  for (const event of given) row = project(${m}.definition, row, event) ?? row;
${Object.entries(c.row)
  .map(([k, v]) => `  assert.deepEqual(row?.fields[${str(k)}], ${indented(v, 2)});`)
  .join('\n')}
});`;
  });
  return `// The board's scenarios for this service, as tests of the exported code (given / when / then).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommandRejectedError } from '${R}/src/runtime/aggregate.js';
import { project, type ReadModelRow } from '${R}/src/runtime/projector.js';
import { seededEnv } from '${R}/src/platform/env.js';
${[...imports].map(([path, name]) => `import * as ${name} from ${str(path)};`).join('\n')}

void CommandRejectedError;
void project;
${tests.map((x) => `\n${x}`).join('\n')}
`;
}

