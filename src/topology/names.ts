// Allocates every generated name of a board in one deterministic pass (board order), so the
// simulator and the export agree and names never collide: type names are unique across the
// project, file names within their folder, service names and topic names across the cluster.
import type { BoardElement, ElementKind } from '../model';
import { kebabName, NameScope, pascalName } from './naming';
import type { Names } from './types';

/** Type names the generated code defines itself or imports by name. */
export const GENERATED_TYPE_NAMES = ['Transport', 'MemoryTransport', 'KafkaTransport', 'Service', 'Topics'];

export const KIND_NAME: Record<ElementKind, string> = {
  event: 'Event',
  command: 'Command',
  policy: 'Policy',
  aggregate: 'Aggregate',
  readModel: 'ReadModel',
  externalSystem: 'System',
  actor: 'Actor',
  hotspot: 'Hotspot',
  boundedContext: 'Context',
};

/** "HTTPGateway" → "httpGateway", "MoneyDeposited" → "moneyDeposited". */
export function lowerFirst(typeName: string): string {
  const run = /^[A-Z]+/.exec(typeName)?.[0] ?? '';
  if (run.length <= 1) return typeName.charAt(0).toLowerCase() + typeName.slice(1);
  const keep = run.length < typeName.length && /[a-z]/.test(typeName.charAt(run.length)) ? run.length - 1 : run.length;
  return typeName.slice(0, keep).toLowerCase() + typeName.slice(keep);
}

export class NameAllocator {
  private readonly types = new NameScope(GENERATED_TYPE_NAMES);
  private readonly files = new Map<string, NameScope>();

  /** Names for a sticky whose file lives in `folder` (e.g. "<service>/aggregates"). */
  names(element: BoardElement, folder: string): Names {
    const kind = KIND_NAME[element.kind];
    const typeName = this.types.claim(pascalName(element.text, kind));
    let scope = this.files.get(folder);
    // An aggregate's tests sit beside the service's own test file (service.test.ts).
    if (!scope) this.files.set(folder, (scope = new NameScope(folder.endsWith('/aggregates') ? ['service'] : [])));
    const fileName = scope.claim(kebabName(element.text, kind), '-');
    return { label: element.text, typeName, valueName: lowerFirst(typeName), fileName };
  }
}

/** Claims kebab names for services (folder names, topic and group prefixes). */
export class ServiceNames {
  private readonly scope = new NameScope(['shared', 'runtime', 'scripts', 'test']);
  claim(text: string): string {
    return this.scope.claim(kebabName(text, 'service'), '-');
  }
}
