// Factories for new boards and stickies with sensible defaults per kind, so every layer (the
// palette, examples, tests, the property generators) creates the same well-formed records.
import { newId } from '../lib/ids';
import type { Rng } from '../lib/rng';
import type { Board, BoardElement, ElementId, ElementKind, ElementOfKind } from './types';
import { BOARD_VERSION, DEFAULT_SETTINGS, DEFAULT_STREAM, KIND_LABELS } from './types';

/** Default frame of a new bounded context, in board units. */
export const DEFAULT_CONTEXT_SIZE = { width: 640, height: 400 } as const;
/** The id field a new aggregate keys its events by until someone names it. */
export const DEFAULT_ID_FIELD = 'id';

export interface IdOptions {
  /** Seeded randomness for reproducible ids (tests, examples); crypto otherwise. */
  rng?: Rng;
}

export function createEmptyBoard(name: string, options: IdOptions = {}): Board {
  return {
    version: BOARD_VERSION,
    id: newId('board', options.rng),
    name,
    settings: { ...DEFAULT_SETTINGS },
    elements: [],
    links: [],
  };
}

export interface MakeElementOptions extends IdOptions {
  id?: ElementId;
  parentId?: ElementId;
}

export function makeElement<K extends ElementKind>(
  kind: K,
  position: { x: number; y: number },
  text = '',
  options: MakeElementOptions = {},
): ElementOfKind<K> {
  const base = {
    id: options.id ?? newId('el', options.rng),
    text,
    description: '',
    x: position.x,
    y: position.y,
    ...(options.parentId ? { parentId: options.parentId } : {}),
  };
  let element: BoardElement;
  switch (kind) {
    case 'event':
    case 'command':
      element = { kind, ...base, fields: [] } as BoardElement;
      break;
    case 'aggregate':
      element = { kind, ...base, idField: DEFAULT_ID_FIELD, stream: { ...DEFAULT_STREAM } };
      break;
    case 'boundedContext':
      element = { kind, ...base, ...DEFAULT_CONTEXT_SIZE, serviceName: '', instances: 1 };
      break;
    default:
      element = { kind, ...base } as BoardElement;
  }
  return element as ElementOfKind<K>;
}

/** An element named in a sentence or an accessible name: Actor “Customer” (or “untitled”). */
export function elementTitle(el: Pick<BoardElement, 'kind' | 'text'>): string {
  return `${KIND_LABELS[el.kind]} “${el.text || 'untitled'}”`;
}
