// Public face of the code export (DESIGN.md "Code export").
export { exportProject } from './exportProject';
export type { ExportedFiles, ExportOptions, ExportProgress } from './exportProject';
export { exportZip, zipProject } from './exportZip';
export { ExportBlockedError } from './errors';
export { DEFAULT_KAFKA_CLIENT, KAFKA_CLIENTS } from './clients';
export type { KafkaClientChoice, KafkaClientInfo } from './clients';
