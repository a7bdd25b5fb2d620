// What running a scenario reports: passed, failed with the differences between what it
// expects and what the rules did, or could not run (a cell or a rule with an error).
import type { ElementId, ScenarioId } from '../../model';

export type ScenarioStatus = 'pass' | 'fail' | 'error';

export interface ScenarioDifference {
  /** One line a person reads: "Money withdrawn.balance: expected 70.00, got 30.00". */
  message: string;
  /** Index of the Then row concerned, when one is. */
  step?: number;
  field?: string;
  expected?: string;
  actual?: string;
}

export interface ScenarioResult {
  elementId: ElementId;
  scenarioId: ScenarioId;
  name: string;
  status: ScenarioStatus;
  differences: ScenarioDifference[];
  /** What happened, one line per event, command or row field ("Money withdrawn { amount: 30.00, … }"). */
  actual: string[];
}

export interface ScenarioCounts {
  pass: number;
  fail: number;
  error: number;
}
