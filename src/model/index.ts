// Public face of the board model. Other layers import from here, not from inner files.
export * from './types';
export * from './boardDocApi';
