// Live collaboration: tab sync (BroadcastChannel), the room connection to the workshop server
// (Hocuspocus provider), presence and room links. No React; the store layer drives it.
export * from './errors';
export * from './facilitation';
export * from './follow';
export * from './presence';
export * from './roomConnection';
export * from './roomId';
export * from './tabSync';
