// Pins the consumer-membership lifecycle table: legal transitions pass, illegal ones throw.
import { describe, expect, it } from 'vitest';
import { IllegalMemberStateError } from '../errors';
import { MemberLifecycle } from './memberLifecycle';

describe('member lifecycle table', () => {
  it('follows join → stable → rejoin → stable → left', () => {
    const m = new MemberLifecycle('m');
    m.to('joining');
    m.to('stable');
    m.to('joining');
    m.to('stable');
    m.to('left');
    expect(m.state).toBe('left');
  });

  it('a crashed member can do nothing more', () => {
    const m = new MemberLifecycle('m');
    m.to('crashed');
    expect(() => m.to('joining')).toThrow(IllegalMemberStateError);
  });

  it('cannot become stable without joining', () => {
    expect(() => new MemberLifecycle('m').to('stable')).toThrow(IllegalMemberStateError);
  });
});
