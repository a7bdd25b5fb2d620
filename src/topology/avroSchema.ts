// Avro schema (.avsc) of an event payload: what the export writes next to each service and
// what the simulator registers in the engine's schema registry, so both encode an event the
// same way. Field and type names are already safe Avro names ([A-Za-z_][A-Za-z0-9_]*).
import type { ElementId, PayloadField } from '../model';
import { compileFields } from './fields';
import { pascalName } from './naming';
import type { EventSpec, FieldSpec, Topology } from './types';

export type AvroType = string | Record<string, unknown> | AvroType[];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function fieldType(recordName: string, f: FieldSpec): AvroType {
  switch (f.type) {
    case 'string':
      return 'string';
    case 'uuid':
      return { type: 'string', logicalType: 'uuid' };
    case 'enum':
      return { type: 'enum', name: `${recordName}${capitalise(f.name)}`, symbols: [...(f.symbols ?? [])] };
    case 'decimal':
      return { type: 'bytes', logicalType: 'decimal', precision: f.precision ?? 18, scale: f.scale ?? 0 };
    case 'int':
      return 'int';
    case 'long':
      return 'long';
    case 'timestamp':
      return { type: 'long', logicalType: 'timestamp-millis' };
    case 'double':
      return 'double';
    case 'boolean':
      return 'boolean';
  }
}

export function avroSchema(name: string, namespace: string, doc: string, fields: readonly FieldSpec[]): Record<string, unknown> {
  return {
    type: 'record',
    name,
    namespace,
    ...(doc ? { doc } : {}),
    fields: fields.map((f) => {
      const type = fieldType(name, f);
      const fieldDoc = f.doc || (f.label !== f.name ? f.label : '');
      return {
        name: f.name,
        ...(f.aliases?.length ? { aliases: [...f.aliases] } : {}),
        ...(fieldDoc ? { doc: fieldDoc } : {}),
        ...(f.optional ? { type: ['null', type], default: null } : { type }),
      };
    }),
  };
}

/** The namespace of a service's records: the export and the simulator register the same full names. */
export function avroNamespace(serviceValueName: string): string {
  return `stormbench.${serviceValueName}`;
}

/** An event's Avro schema as its service registers it. */
export function eventAvroSchema(t: Topology, e: EventSpec): Record<string, unknown> {
  const service = t.services.find((s) => s.id === e.serviceId);
  return avroSchema(e.typeName, avroNamespace(service?.valueName ?? 'app'), e.label, e.fields);
}

/** The Avro schema of payload fields as the board holds them (a draft or a registered version), compiled as the compiler compiles them. */
export function avroSchemaForFields(typeName: string, namespace: string, doc: string, fields: readonly PayloadField[]): Record<string, unknown> {
  const specs = compileFields(fields, { id: 'el:draft' as ElementId, text: typeName, what: 'Event' }, []).fields;
  return avroSchema(typeName, namespace, doc, specs);
}

/** An event's fields as the inspector checks them: named from the sticky's text as the compiler names it. */
export function avroSchemaOfFields(eventName: string, fields: readonly PayloadField[], namespace = 'stormbench'): Record<string, unknown> {
  return avroSchemaForFields(pascalName(eventName, 'Event'), namespace, '', fields);
}
