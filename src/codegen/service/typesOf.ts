// TypeScript types of payload fields, and the generated message type aliases.
import type { FieldSpec } from '../../topology';
import { commentText, ident, str } from '../emit/escape';

export function tsType(f: FieldSpec): string {
  switch (f.type) {
    case 'string':
    case 'uuid':
    case 'decimal':
      return 'string';
    case 'enum':
      return (f.symbols ?? []).map((s) => str(s)).join(' | ') || 'never';
    case 'int':
    case 'long':
    case 'double':
    case 'timestamp':
      return 'number';
    case 'boolean':
      return 'boolean';
  }
}

const FIELD_NOTE: Partial<Record<FieldSpec['type'], string>> = {
  uuid: 'UUID',
  decimal: 'decimal as a string',
  int: '32-bit integer',
  long: 'integer',
  timestamp: 'milliseconds since the Unix epoch',
};

/** `export type X = { readonly a: string; ... };` with one doc comment per field. */
export function payloadType(typeName: string, label: string, fields: readonly FieldSpec[]): string {
  const lines = [`/** ${commentText(label)} */`, `export type ${ident(typeName)} = {`];
  for (const f of fields) {
    const note = [f.label !== f.name ? `"${f.label}" on the board` : '', FIELD_NOTE[f.type] ?? '', f.doc].filter(Boolean).join('; ');
    if (note) lines.push(`  /** ${commentText(note)} */`);
    lines.push(`  readonly ${ident(f.name)}${f.optional ? '?' : ''}: ${tsType(f)};`);
  }
  lines.push('};');
  return lines.join('\n');
}
