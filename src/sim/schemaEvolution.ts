// Schema evolution of a board's event, for the inspector: the fields on the board are the
// draft of the next version; against the registered versions (kept on the event) and the
// event's compatibility level this says whether the draft is a new version and whether the
// registry would accept it, and lists what changed between any two versions. Pure: the same
// Avro schemas and compatibility rules as the run's registry (src/engine/schemaRegistry).
import type { Board, EventElement, PayloadField, SchemaCompatibilityLevel } from '../model';
import { avroSchemaOfFields } from '../topology';
import { compatibilityOf, type CompatibilityVerdict } from '../engine';

export type EventSchemaSource = Pick<EventElement, 'text' | 'fields' | 'schemaVersions' | 'compatibility'>;

export interface SchemaProposal {
  /** Versions registered so far. */
  registered: number;
  /** The version the board's fields would become; null when they are the latest registered version. */
  next: number | null;
  level: SchemaCompatibilityLevel;
  /** The registry's verdict on the draft; null when there is nothing to check (unchanged, or the first version). */
  verdict: CompatibilityVerdict | null;
}

const schemaOf = (name: string, fields: readonly PayloadField[]) => avroSchemaOfFields(name, fields);

export function proposeEventSchema(event: EventSchemaSource): SchemaProposal {
  const versions = event.schemaVersions ?? [];
  const level = event.compatibility ?? 'BACKWARD';
  const draft = schemaOf(event.text, event.fields);
  const latest = versions[versions.length - 1];
  if (latest && JSON.stringify(schemaOf(event.text, latest.fields)) === JSON.stringify(draft)) return { registered: versions.length, next: null, level, verdict: null };
  if (!latest) return { registered: 0, next: 1, level, verdict: null };
  const verdict = compatibilityOf(
    level,
    { schemaType: 'AVRO', schema: draft },
    versions.map((v) => ({ schemaType: 'AVRO' as const, schema: schemaOf(event.text, v.fields) })),
  );
  return { registered: versions.length, next: versions.length + 1, level, verdict };
}

/** What a proposal depends on: the page takes a proposal computed elsewhere only for the fields it shows. */
export function schemaProposalKey(event: EventSchemaSource): string {
  return JSON.stringify([event.text, event.fields, event.schemaVersions ?? [], event.compatibility ?? 'BACKWARD']);
}

/** A proposal computed in the worker, with the key of the event it was computed for. */
export type RemoteSchemaProposal = { key: string; proposal: SchemaProposal } | { key: string; error: string };

/**
 * The proposals of the board's events that have registered versions, computed where code
 * generation is allowed: avsc builds its types with new Function, which the workshop server's
 * Content-Security-Policy forbids on the page and not in the worker (a worker script loaded
 * from the same origin runs under its own response's policy, and the server sends none there).
 */
export function boardSchemaProposals(board: Pick<Board, 'elements'>): Record<string, RemoteSchemaProposal> {
  const out: Record<string, RemoteSchemaProposal> = {};
  for (const el of board.elements) {
    if (el.kind !== 'event' || !el.schemaVersions?.length) continue;
    const key = schemaProposalKey(el);
    try {
      out[el.id] = { key, proposal: proposeEventSchema(el) };
    } catch (e) {
      out[el.id] = { key, error: (e as Error).message };
    }
  }
  return out;
}

export interface FieldChange {
  /** The field's name after the change (before, for a removed field). */
  field: string;
  change: 'added' | 'removed' | 'renamed' | 'type' | 'optional' | 'required' | 'symbols' | 'decimal' | 'doc';
  before?: string;
  after?: string;
}

const typeText = (f: PayloadField) => (f.type === 'decimal' ? `decimal(${f.precision ?? ''}, ${f.scale ?? ''})` : f.type);

/** What changed from one version's fields to another's, in the order of the later fields (removals last). */
export function diffSchemaVersions(before: readonly PayloadField[], after: readonly PayloadField[]): FieldChange[] {
  const out: FieldChange[] = [];
  const old = new Map(before.map((f) => [f.name, f]));
  const matched = new Set<string>();
  for (const f of after) {
    let prev = old.get(f.name);
    if (prev) matched.add(f.name);
    else {
      const from = (f.aliases ?? []).find((a) => old.has(a) && !after.some((x) => x.name === a));
      if (from) {
        prev = old.get(from)!;
        matched.add(from);
        out.push({ field: f.name, change: 'renamed', before: from, after: f.name });
      } else {
        out.push({ field: f.name, change: 'added', after: `${typeText(f)}${f.optional ? ', optional' : ''}` });
        continue;
      }
    }
    if (prev.type !== f.type) out.push({ field: f.name, change: 'type', before: typeText(prev), after: typeText(f) });
    else if (f.type === 'decimal' && (prev.precision !== f.precision || prev.scale !== f.scale)) out.push({ field: f.name, change: 'decimal', before: typeText(prev), after: typeText(f) });
    if (prev.optional !== f.optional) out.push({ field: f.name, change: f.optional ? 'optional' : 'required' });
    if (f.type === 'enum' && prev.type === 'enum' && (prev.symbols ?? []).join() !== (f.symbols ?? []).join()) out.push({ field: f.name, change: 'symbols', before: (prev.symbols ?? []).join(', '), after: (f.symbols ?? []).join(', ') });
    if (prev.doc !== f.doc) out.push({ field: f.name, change: 'doc', before: prev.doc, after: f.doc });
  }
  for (const f of before) if (!matched.has(f.name)) out.push({ field: f.name, change: 'removed', before: `${typeText(f)}${f.optional ? ', optional' : ''}` });
  return out;
}

export { renameField } from '../model';
