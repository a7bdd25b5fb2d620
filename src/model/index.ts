// Public face of the board model. Other layers import from here, not from inner files.
export * from './types';
export * from './boardDocApi';
export * from './errors';
export * from './elements';
export * from './grammar';
export * from './schema';
export * from './migrations';
export * from './parseBoard';
export * from './serializeBoard';
export { createBoardDoc, openBoardDoc, writeBoardInto, ydocOf, LOCAL_ORIGIN, INIT_ORIGIN } from './boardDoc';
export type { BoardDocOptions } from './boardDoc';
export * from './naming';
export * from './geometry';
export * from './edit/containment';
export * from './edit/clipboard';
export * from './edit/duplicate';
export * from './edit/layoutTimeline';
export * from './validation/inspectorValidation';
