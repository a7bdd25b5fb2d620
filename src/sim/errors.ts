// Typed errors of the simulation layer: illegal lifecycle calls, boards that cannot run, and
// unknown instances or experiments named by the UI.
import { StormbenchError } from '../lib/errors';

export class IllegalSimTransitionError extends StormbenchError {
  constructor(
    readonly from: string,
    readonly action: string,
  ) {
    super(`The simulation cannot ${action} while it is ${from}.`, { code: 'SIM_ILLEGAL_TRANSITION', context: { from, action } });
  }
}

export class BoardNotRunnableError extends StormbenchError {
  constructor(
    message: string,
    readonly problems: readonly { message: string; elementIds: readonly string[] }[] = [],
  ) {
    super(message, { code: 'SIM_BOARD_NOT_RUNNABLE', context: { problems: problems.length } });
  }
}

export class UnknownServiceError extends StormbenchError {
  constructor(service: string) {
    super(`There is no service "${service}" in this simulation: pick one from the consumer groups panel.`, { code: 'SIM_UNKNOWN_SERVICE', context: { service } });
  }
}

export class UnknownInstanceError extends StormbenchError {
  constructor(instance: string) {
    super(`There is no running instance "${instance}": it may have been removed already.`, { code: 'SIM_UNKNOWN_INSTANCE', context: { instance } });
  }
}

export class UnknownExperimentError extends StormbenchError {
  constructor(id: string) {
    super(`There is no fault experiment "${id}".`, { code: 'SIM_UNKNOWN_EXPERIMENT', context: { id } });
  }
}

export class InvalidSimOptionError extends StormbenchError {
  constructor(message: string, context: Record<string, unknown>) {
    super(message, { code: 'SIM_INVALID_OPTION', context });
  }
}

/** Storing, loading or discarding a stored run failed (storage full, blocked, or a board that changed). */
export class StoredRunError extends StormbenchError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super(message, { code: 'SIM_STORED_RUN', context });
  }
}

/** The topic-strategy comparison could not measure the board (strategies/). */
export class StrategyComparisonError extends StormbenchError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super(message, { code: 'SIM_STRATEGY_COMPARISON', context });
  }
}
