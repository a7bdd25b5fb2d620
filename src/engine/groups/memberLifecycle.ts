// A consumer's group membership as an explicit state machine (as kafkajs guards its
// transactional producer): the table lists every legal transition, anything else throws.
import { IllegalMemberStateError } from '../errors';

export type MemberState =
  /** Created, has not joined yet (or must rejoin after being removed). */
  | 'unjoined'
  /** JoinGroup sent, waiting for the rebalance to complete. */
  | 'joining'
  /** Has an assignment for the current generation. */
  | 'stable'
  /** Left on purpose (close / unsubscribe / poll timeout). */
  | 'left'
  /** The process died: no heartbeats, no polls, no commits. */
  | 'crashed';

const TRANSITIONS: Readonly<Record<MemberState, readonly MemberState[]>> = {
  unjoined: ['joining', 'left', 'crashed'],
  joining: ['stable', 'unjoined', 'left', 'crashed', 'joining'],
  stable: ['joining', 'unjoined', 'left', 'crashed'],
  left: ['unjoined'],
  crashed: [],
};

export class MemberLifecycle {
  private current: MemberState = 'unjoined';
  constructor(private readonly member: string) {}

  get state(): MemberState {
    return this.current;
  }

  to(next: MemberState): void {
    if (!TRANSITIONS[this.current].includes(next)) throw new IllegalMemberStateError(this.member, this.current, next);
    this.current = next;
  }

  /** Whether the state is one of these (fixed parameters: asked several times per poll, it allocates nothing). */
  is(a: MemberState, b?: MemberState): boolean {
    return this.current === a || this.current === b;
  }
}
