// The inspector's schema evolution: draft vs registered versions under the event's level, the
// rules it applies being the registry's (Avro, Java's resolution rules), and the field diff.
import { describe, expect, it } from 'vitest';
import type { Board, PayloadField } from '../model';
import { boardSchemaProposals, diffSchemaVersions, proposeEventSchema, renameField, schemaProposalKey, type EventSchemaSource } from './schemaEvolution';

const f = (name: string, type: PayloadField['type'] = 'string', optional = false, extra: Partial<PayloadField> = {}): PayloadField => ({ name, type, optional, doc: '', ...extra });
const v1 = [f('customerId', 'uuid'), f('faxNumber', 'string', true)];
const event = (fields: PayloadField[], extra: Partial<EventSchemaSource> = {}): EventSchemaSource => ({ text: 'Customer registered', fields, schemaVersions: [{ fields: v1 }], ...extra });

describe('proposeEventSchema', () => {
  it('has nothing to check while the fields are the latest version, and proposes version 1 on a new event', () => {
    expect(proposeEventSchema(event(v1))).toEqual({ registered: 1, next: null, level: 'BACKWARD', verdict: null });
    expect(proposeEventSchema({ text: 'X', fields: v1 })).toEqual({ registered: 0, next: 1, level: 'BACKWARD', verdict: null });
  });

  it('an optional field (null default) keeps BACKWARD and FULL', () => {
    const p = proposeEventSchema(event([...v1, f('email', 'string', true)]));
    expect(p.next).toBe(2);
    expect(p.verdict!.compatible).toBe(true);
    expect(proposeEventSchema(event([...v1, f('email', 'string', true)], { compatibility: 'FULL' })).verdict!.compatible).toBe(true);
  });

  it('a new required field breaks BACKWARD: the new schema cannot read version 1 records', () => {
    const p = proposeEventSchema(event([...v1, f('email')]));
    expect(p.verdict!.compatible).toBe(false);
    expect(p.verdict!.messages).toEqual([
      "BACKWARD against version 1: READER_FIELD_MISSING_DEFAULT_VALUE at /fields/2 (field 'email'): the new schema reads field 'email', which version 1 does not write, and has no default for it.",
    ]);
  });

  it('removing a required field keeps BACKWARD (a reader skips it) but breaks FORWARD: version 1 readers need it', () => {
    expect(proposeEventSchema(event([f('faxNumber', 'string', true)])).verdict!.compatible).toBe(true);
    const forward = proposeEventSchema(event([f('faxNumber', 'string', true)], { compatibility: 'FORWARD' })).verdict!;
    expect(forward.compatible).toBe(false);
    expect(forward.issues.map((i) => [i.rule, i.field, i.version])).toEqual([['READER_FIELD_MISSING_DEFAULT_VALUE', 'customerId', 1]]);
  });

  it('a rename keeps BACKWARD only through an alias of the old name', () => {
    const renamedFields = [f('customerId', 'uuid'), f('contact', 'string')];
    const base = event([f('customerId', 'uuid'), f('faxNumber')], { schemaVersions: [{ fields: [f('customerId', 'uuid'), f('faxNumber')] }] });
    expect(proposeEventSchema({ ...base, fields: renamedFields }).verdict!.compatible).toBe(false);
    const withAlias = renameField(base, 1, 'contact');
    expect(withAlias[1]).toEqual(f('contact', 'string', false, { aliases: ['faxNumber'] }));
    expect(proposeEventSchema({ ...base, fields: withAlias }).verdict!.compatible).toBe(true);
  });

  it('renaming a field no version has registered keeps no alias', () => {
    expect(renameField(event([...v1, f('emial', 'string', true)]), 2, 'email')[2]).toEqual(f('email', 'string', true));
  });
});

describe('diffSchemaVersions', () => {
  it('lists added, renamed, retyped, optionality and removed fields', () => {
    const before = [f('customerId', 'uuid'), f('faxNumber', 'string', true), f('age', 'int'), f('note')];
    const after = [f('customerId', 'uuid'), f('contact', 'string', false, { aliases: ['faxNumber'] }), f('age', 'long'), f('email', 'string', true)];
    expect(diffSchemaVersions(before, after)).toEqual([
      { field: 'contact', change: 'renamed', before: 'faxNumber', after: 'contact' },
      { field: 'contact', change: 'required' },
      { field: 'age', change: 'type', before: 'int', after: 'long' },
      { field: 'email', change: 'added', after: 'string, optional' },
      { field: 'note', change: 'removed', before: 'string' },
    ]);
    expect(diffSchemaVersions(before, before)).toEqual([]);
  });
});

describe('boardSchemaProposals (what the worker computes for the inspector)', () => {
  const el = (id: string, fields: PayloadField[], extra: Partial<EventSchemaSource> = {}) => ({ id, kind: 'event' as const, ...event(fields, extra) });

  it('gives the verdict of each event with registered versions, keyed by what it was computed for', () => {
    const breaking = el('el:a', [...v1, f('email')]);
    const fine = el('el:b', [...v1, f('email', 'string', true)]);
    const fresh = { ...el('el:c', v1), schemaVersions: [] };
    const out = boardSchemaProposals({ elements: [breaking, fine, fresh] as unknown as Board['elements'] });
    expect(Object.keys(out)).toEqual(['el:a', 'el:b']);
    expect(out['el:a']).toEqual({ key: schemaProposalKey(breaking), proposal: proposeEventSchema(breaking) });
    expect('proposal' in out['el:a']! && out['el:a'].proposal.verdict!.compatible).toBe(false);
    expect('proposal' in out['el:b']! && out['el:b'].proposal.verdict!.compatible).toBe(true);
  });

  it('keys change with the fields, the versions and the level, so the page never shows a verdict on other fields', () => {
    const base = event([...v1, f('email')]);
    const keys = [base, event([...v1, f('email', 'string', true)]), event([...v1, f('email')], { compatibility: 'FULL' }), event([...v1, f('email')], { schemaVersions: [] })].map(schemaProposalKey);
    expect(new Set(keys).size).toBe(4);
    expect(schemaProposalKey(event([...v1, f('email')]))).toBe(keys[0]);
  });
});
