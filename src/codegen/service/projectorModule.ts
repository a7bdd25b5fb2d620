// services/<svc>/src/projectors/<name>.ts: a read model's projector and its table topic.
import type { ProjectorSpec } from '../../topology';
import { projectorDefinition } from '../../topology';
import { commentText, literal, str } from '../emit/escape';
import type { GenContext } from '../genContext';
import { ROOT_FROM_ELEMENT as R } from './paths';
import { projectorColumnsCode } from './ruleCode';

export function projectorModule(gen: GenContext, projector: ProjectorSpec): string {
  const columns = projectorColumnsCode(gen.t, projector);
  const data = literal(projectorDefinition(gen.t, projector, { withRules: false }), 2);
  return `// Read model ${commentText(projector.label)}: one row per entity id, published to a compacted topic.
import type * as _projector from '${R}/src/runtime/projector.js';
${columns ? `import * as _rules from '${R}/src/runtime/rules.js';

${columns}` : ''}
export const definition: _projector.ProjectorDefinition = ${columns ? `{ ...${data}, columns }` : data};

export const groupId = ${str(projector.groupId)};
export const topics: readonly (string | RegExp)[] = [${projector.topicIds.map((id) => gen.topicPattern(id)).join(', ')}];
/** Compacted topic keeping the latest row per entity id. */
export const tableTopic = ${str(gen.topic(projector.tableTopicId).name)};
`;
}
