// The schema registry's public face (docs/schema-registry.md).
export { SchemaRegistry, SCHEMAS_TOPIC } from './schemaRegistry';
export { compatibilityOf } from './compatibility';
export { MAGIC_BYTE, WIRE_HEADER_BYTES } from './wireFormat';
export { COMPATIBILITY_LEVELS, DEFAULT_COMPATIBILITY, subjectName, type CompatibilityLevel, type CompatibilityVerdict, type Incompatibility, type RegisteredSchema, type SchemaInput, type SchemaType, type SubjectNameStrategy } from './types';
