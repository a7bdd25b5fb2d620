// The shipped example boards, read from public/examples for Node tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseBoard, type Board } from '../../model';

export function exampleBoard(name: 'banking' | 'ecommerce'): Board {
  const path = resolve(import.meta.dirname, '../../../public/examples', `${name}.json`);
  return parseBoard(JSON.parse(readFileSync(path, 'utf8')) as unknown);
}
