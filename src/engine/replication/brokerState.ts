// A broker as the simulation sees it: whether its process runs, whether the network cuts it
// off, whether the controller has fenced it, and how slow its follower fetches are.
export type BrokerStatus = 'running' | 'stopped' | 'crashed';

export interface BrokerState {
  readonly id: number;
  status: BrokerStatus;
  /** Cut off from the controller and the other brokers (clients still reach it). */
  isolated: boolean;
  /** The controller no longer counts it as alive: no leadership, not in any ISR. */
  fenced: boolean;
  /** Extra delay added to each of its follower fetches. */
  slowMs: number;
  /** Bumped on every start; a fence timer only fires for the incarnation it was set for. */
  incarnation: number;
}

/** The controller and other brokers can talk to this broker. */
export function reachable(b: BrokerState | undefined): boolean {
  return !!b && b.status === 'running' && !b.isolated;
}
