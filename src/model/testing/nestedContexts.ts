// A board of bounded contexts each inside the previous one, the shape that froze the page
// when every check walked each element's whole chain of enclosing contexts.
import type { Board, BoardElement, ElementId } from '../types';
import { BOARD_VERSION, DEFAULT_SETTINGS } from '../types';

export function nestedContextsBoard(depth: number): Board {
  const elements: BoardElement[] = [];
  for (let i = 0; i < depth; i++) {
    elements.push({
      kind: 'boundedContext',
      id: `el:c${i}` as ElementId,
      text: `Context ${i}`,
      description: '',
      x: 10,
      y: 10,
      width: 640,
      height: 400,
      serviceName: '',
      instances: 1,
      ...(i > 0 ? { parentId: `el:c${i - 1}` as ElementId } : {}),
    });
  }
  return { version: BOARD_VERSION, id: 'board:nested', name: 'Nested', settings: { ...DEFAULT_SETTINGS }, elements, links: [] };
}
