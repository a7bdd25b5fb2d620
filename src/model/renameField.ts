// Renaming an event's payload field once a schema version with the old name is registered keeps
// the old name as an alias (Avro field aliases), so a reader with the new schema still finds the
// field in records written before the rename. The inspector applies it on every rename.
import type { EventElement, PayloadField } from './types';

export function renameField(event: Pick<EventElement, 'fields' | 'schemaVersions'>, index: number, name: string): PayloadField[] {
  const registered = new Set((event.schemaVersions ?? []).flatMap((v) => v.fields.map((f) => f.name)));
  return event.fields.map((f, i) => {
    if (i !== index || f.name === name) return f;
    const aliases = (f.aliases ?? []).filter((a) => a !== name);
    if (registered.has(f.name) && !aliases.includes(f.name)) aliases.push(f.name);
    const { aliases: _drop, ...rest } = f;
    return aliases.length ? { ...rest, name, aliases } : { ...rest, name };
  });
}
