// One service per bounded context; stickies outside any context go to a default service.
import type { BoardElement } from '../model';
import type { BoardIndex } from './boardIndex';
import { lowerFirst, ServiceNames } from './names';
import { pascalName } from './naming';
import type { ServiceSpec } from './types';

export const DEFAULT_SERVICE_ID = 'default';
export const DEFAULT_SERVICE_LABEL = 'Default service';
const OWNED_KINDS = new Set(['aggregate', 'policy', 'readModel', 'externalSystem', 'event', 'command']);

export interface ServicePlan {
  services: ServiceSpec[];
  serviceOf(element: BoardElement): ServiceSpec;
}

export function planServices(ix: BoardIndex): ServicePlan {
  const names = new ServiceNames();
  const services: ServiceSpec[] = [];
  const byId = new Map<string, ServiceSpec>();
  const make = (id: string, label: string, nameText: string, contextId: ServiceSpec['contextId'], instances: number) => {
    const name = names.claim(nameText);
    const spec: ServiceSpec = {
      id,
      label,
      name,
      valueName: lowerFirst(pascalName(name, 'Service')),
      contextId,
      instances,
      aggregates: [],
      policies: [],
      projectors: [],
      externalSystems: [],
    };
    services.push(spec);
    byId.set(id, spec);
    return spec;
  };
  for (const bc of ix.ofKind('boundedContext')) {
    const instances = Number.isInteger(bc.instances) ? Math.min(100, Math.max(1, bc.instances)) : 1;
    make(bc.id, bc.text, bc.serviceName.trim() || bc.text, bc.id, instances);
  }
  const serviceOf = (element: BoardElement): ServiceSpec => {
    const ctx = ix.contextOf(element.id);
    const found = ctx ? byId.get(ctx.id) : undefined;
    return found ?? byId.get(DEFAULT_SERVICE_ID) ?? make(DEFAULT_SERVICE_ID, DEFAULT_SERVICE_LABEL, DEFAULT_SERVICE_LABEL, null, 1);
  };
  // Create the default service up front (after the contexts) when anything needs it, so its
  // position in the list does not depend on which sticky asked first.
  const outside = ix.board.elements.find((e) => OWNED_KINDS.has(e.kind) && !ix.contextOf(e.id));
  if (outside) serviceOf(outside);
  return { services, serviceOf };
}
