// EventStorming's grammar ("the picture that explains everything"): which kind of sticky may
// connect to which. The canvas shows the hint while a connection is dragged, the document
// refuses links outside it (unless the board allows free-form links) and the topology
// compiler only follows grammatical links.
import type { ElementKind } from './types';
import { KIND_LABELS } from './types';

/** Targets each source kind may connect to (hotspots are handled apart: they go with anything). */
export const GRAMMAR: Readonly<Record<ElementKind, readonly ElementKind[]>> = {
  actor: ['command'],
  command: ['aggregate', 'externalSystem'],
  aggregate: ['event'],
  externalSystem: ['event'],
  event: ['policy', 'readModel'],
  policy: ['command'],
  readModel: ['actor'],
  hotspot: [],
  boundedContext: [],
};

/** The usual flow out of each kind, as one sentence. */
export const FLOW_HINTS: Readonly<Record<ElementKind, string>> = {
  actor: 'An actor issues a command',
  command: 'A command is handled by an aggregate or an external system',
  aggregate: 'An aggregate produces domain events',
  externalSystem: 'An external system reports domain events',
  event: 'A domain event triggers a policy or updates a read model',
  policy: 'A policy issues a command',
  readModel: 'A read model informs an actor',
  hotspot: 'A hotspot may annotate anything',
  boundedContext: 'A bounded context groups stickies; only a hotspot connects to it',
};

export interface LinkCheck {
  allowed: boolean;
  /** The usual flow from the source kind; for a refused link it also names what was tried. */
  hint: string;
}

function article(label: string): string {
  return /^[aeiou]/i.test(label) ? `an ${label.toLowerCase()}` : `a ${label.toLowerCase()}`;
}

export function checkLink(sourceKind: ElementKind, targetKind: ElementKind): LinkCheck {
  if (sourceKind === 'hotspot' || targetKind === 'hotspot') return { allowed: true, hint: FLOW_HINTS.hotspot };
  const allowed = GRAMMAR[sourceKind].includes(targetKind);
  const flow = FLOW_HINTS[sourceKind];
  if (allowed) return { allowed, hint: flow };
  return {
    allowed,
    hint: `${flow}; ${article(KIND_LABELS[sourceKind])} does not connect to ${article(KIND_LABELS[targetKind])}.`,
  };
}
