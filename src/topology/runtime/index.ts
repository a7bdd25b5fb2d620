// The shared handler runtime in one import for the simulator. (The export embeds the files
// themselves, not this index.)
export * from './messages.js';
export * from './aggregate.js';
export * from './eventStore.js';
export * from './policy.js';
export * from './projector.js';
export * from './wire.js';
export * from './seededEnv.js';
export * from './externalSystem.js';
