// Scenario evaluation (Given-When-Then on the board), pure.
export * from './types';
export { runScenarios, countScenarios, SCENARIO_NOW_MS } from './runScenarios';
export { scenarioCases } from './scenarioCases';
export type { ScenarioCase, ExpectedMessage } from './scenarioCases';
