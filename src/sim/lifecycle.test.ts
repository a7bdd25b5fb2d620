import { describe, expect, it } from 'vitest';
import { IllegalSimTransitionError } from './errors';
import { SimLifecycle } from './lifecycle';

describe('SimLifecycle', () => {
  it('follows idle → running ⇄ paused → stopped', () => {
    const l = new SimLifecycle();
    expect(l.state).toBe('idle');
    expect(l.apply('start')).toBe('running');
    expect(l.apply('pause')).toBe('paused');
    expect(l.apply('step')).toBe('paused');
    expect(l.apply('resume')).toBe('running');
    expect(l.apply('stop')).toBe('stopped');
  });

  it('throws a typed error on an illegal call and stays where it was', () => {
    const l = new SimLifecycle();
    expect(() => l.apply('pause')).toThrow(IllegalSimTransitionError);
    expect(l.state).toBe('idle');
    l.apply('start');
    expect(l.can('step')).toBe(false);
    expect(() => l.apply('step')).toThrow(/cannot step while it is running/);
    l.apply('stop');
    for (const a of ['start', 'pause', 'resume', 'step', 'tick', 'control'] as const) expect(l.can(a)).toBe(false);
  });
});
