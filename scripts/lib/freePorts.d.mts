// Types of freePorts.mjs for the TypeScript benchmarks that import it.
/** `count` distinct ports that are free now. */
export function freePorts(count: number): Promise<number[]>;
/** One port that is free now. */
export function freePort(): Promise<number>;
/** Whether `port` can be bound on 127.0.0.1 now. */
export function isPortFree(port: number): Promise<boolean>;
