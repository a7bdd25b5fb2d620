// Public face of the topology layer: the compiler, its types, name safety and the shared
// handler runtime (which the simulator runs and the export embeds).
export * from './types';
export { guardScope, updateScope, conditionScope, updateType, ruleName } from './rules/scopes';
export { rejectionReason, commandRejection } from './rules/rejection';
export { compileTopology, hasErrors } from './compileTopology';
export { DEFAULT_SERVICE_ID, DEFAULT_SERVICE_LABEL } from './services';
export * as naming from './naming';
export * from './runtimeDefinitions';
export * as runtime from './runtime';
export * from './scenarios';
export { avroSchema, avroNamespace, avroSchemaForFields, avroSchemaOfFields, eventAvroSchema, type AvroType } from './avroSchema';
