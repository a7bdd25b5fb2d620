// Public face of persistence: the board repository and its errors.
export { BoardRepository, createBoardRepository, DEFAULT_BOARD_DB_NAME } from './boardRepository';
export type { BoardRepositoryOptions, OpenedBoard, RepositoryEvents } from './boardRepository';
export type { BoardSummary } from './boardDb';
export { COMPACT_AFTER_UPDATES } from './boardSaver';
export { PersistError, BoardNotFoundError, BoardDeletedError } from './errors';
