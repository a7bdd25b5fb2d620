// The command rate's upper bound holds in the simulation itself, not only in the UI: a start
// option or setRate above MAX_COMMANDS_PER_SECOND is refused with a message naming the limit.
import { describe, expect, it } from 'vitest';
import { MAX_COMMANDS_PER_SECOND, resolveSimOptions } from './options';
import { Simulation } from './simulation';
import { exampleBoard } from './testing/exampleBoards';

describe('the command rate limit', () => {
  it('accepts the limit and refuses more, when a run starts and when the rate changes', () => {
    expect(resolveSimOptions({ commandsPerSecond: MAX_COMMANDS_PER_SECOND }).commandsPerSecond).toBe(MAX_COMMANDS_PER_SECOND);
    expect(() => resolveSimOptions({ commandsPerSecond: 100_000 })).toThrow(/at most 20,000 per second/);
    const sim = new Simulation(exampleBoard('banking'), { seed: 1 });
    sim.start();
    expect(() => sim.setRate(MAX_COMMANDS_PER_SECOND + 1)).toThrow(expect.objectContaining({ code: 'SIM_INVALID_OPTION' }));
    expect(sim.options.commandsPerSecond).toBe(40);
    sim.setRate(MAX_COMMANDS_PER_SECOND);
    expect(sim.options.commandsPerSecond).toBe(MAX_COMMANDS_PER_SECOND);
    sim.stop();
  });
});
