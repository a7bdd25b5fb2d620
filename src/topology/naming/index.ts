// Name safety: every name derived from sticky text goes through these helpers.
export * from './words';
export * from './reserved';
export * from './identifiers';
export * from './nameScope';
export * from './topicNames';
