// services/<svc>/src/policies/<name>.ts: a policy's triggers, commands and where they go.
import type { PolicySpec } from '../../topology';
import { policyDefinition } from '../../topology';
import { commentText, literal, str } from '../emit/escape';
import type { GenContext } from '../genContext';
import { ROOT_FROM_ELEMENT as R } from './paths';
import { policyConditionCode } from './ruleCode';

export function policyModule(gen: GenContext, policy: PolicySpec): string {
  const commands = policy.commands.map((id) => gen.command(id));
  const cases = commands
    .filter((c) => c.topicId !== null)
    .map((c) => `    case ${str(c.typeName)}:\n      return ${str(gen.topic(c.topicId!).name)};`)
    .join('\n');
  const condition = policyConditionCode(gen.t, policy);
  const data = literal(policyDefinition(gen.t, policy, { withRules: false }), 2);
  return `// Policy ${commentText(policy.label)}: whenever its events happen, it issues its commands.
import * as _policy from '${R}/src/runtime/policy.js';
import type * as _rt from '${R}/src/runtime/messages.js';
${condition ? `import * as _rules from '${R}/src/runtime/rules.js';

${condition}` : ''}
export const definition: _policy.PolicyDefinition = ${condition ? `{ ...${data}, when }` : data};

export const groupId = ${str(policy.groupId)};
export const topics: readonly (string | RegExp)[] = [${policy.topicIds.map((id) => gen.topicPattern(id)).join(', ')}];

/** The command topic of each command type this policy issues. */
export function topicOf(commandType: string): string {
  switch (commandType) {
${cases}
    default:
      throw new Error(\`no topic for command \${JSON.stringify(commandType)}\`);
  }
}

export function react(event: _rt.EventEnvelope, env: _rt.HandlerEnv): _rt.CommandEnvelope[] {
  return _policy.react(definition, event, env);
}
`;
}
