// Public face of the code export (DESIGN.md "Code export").
export { exportProject } from './exportProject';
export type { ExportedFiles, ExportOptions, ExportProgress } from './exportProject';
export { exportZip, zipProject } from './exportZip';
export { ExportBlockedError } from './errors';
