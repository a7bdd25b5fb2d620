import { describe, expect, it } from 'vitest';
import { speedShortfall, speedText } from './speedShortfall';

describe('speedShortfall', () => {
  it('says nothing while the run keeps the chosen speed, or before it is measured', () => {
    expect(speedShortfall(null, 10)).toBeNull();
    expect(speedShortfall(0.97, 1)).toBeNull();
    expect(speedShortfall(9.2, 10)).toBeNull();
  });

  it('says the speed the run really has when it is well below the chosen one', () => {
    expect(speedShortfall(2.13, 10)).toEqual({
      text: 'only 2.1×',
      title: 'The board takes longer to compute than 10× allows: simulated time moves at about 2.1× real time on this machine. Lower the speed or the command rate for a steady pace.',
    });
    expect(speedShortfall(0.456, 1)?.text).toBe('only 0.46×');
    expect(speedShortfall(37.4, 100)?.text).toBe('only 37×');
  });

  it('writes speeds as the speed menu does', () => {
    expect([0.1, 0.25, 1, 2.04, 10, 99.6].map(speedText)).toEqual(['0.1', '0.25', '1', '2', '10', '100']);
  });
});
