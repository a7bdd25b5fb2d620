// Whose view this page follows, and whether it is a presentation screen. Presentation mode is a
// read-only, full-window board for a projector that follows the facilitator by default; outside
// it, a participant may follow anyone from the participant list. Own pan or zoom, or Esc, stops
// following (the app's view code calls stopFollowing). The leader's view itself comes from
// presence (collabStore's participants); this store only holds the choice.
import { create } from 'zustand';
import { leaderOf, type FollowTarget, type Participant } from '../collab';
import { useCollabStore } from './collabStore';
import { useUiStore } from './uiStore';

export interface FollowState {
  presenting: boolean;
  target: FollowTarget | null;
}

export interface FollowActions {
  /** Enters presentation mode: read-only, following the facilitator. */
  present(): void;
  leavePresentation(): void;
  follow(target: FollowTarget): void;
  stopFollowing(): void;
  reset(): void;
}

const initial: FollowState = { presenting: false, target: null };

export const useFollowStore = create<FollowState & FollowActions>()((set, get) => ({
  ...initial,
  present() {
    if (get().presenting) return;
    useUiStore.getState().setReadOnly(true);
    set({ presenting: true, target: { kind: 'facilitator' } });
    useCollabStore.getState().setPresenting(true);
  },
  leavePresentation() {
    if (!get().presenting) return;
    set({ presenting: false, target: null });
    useUiStore.getState().setReadOnly(false);
    useCollabStore.getState().setPresenting(false);
  },
  follow(target) {
    set({ target });
  },
  stopFollowing() {
    if (get().target) set({ target: null });
  },
  reset() {
    set(initial);
  },
}));

/** The participant whose view this page follows now (null: nobody chosen, or not here). */
export function useLeader(): Participant | null {
  const target = useFollowStore((s) => s.target);
  const participants = useCollabStore((s) => s.participants);
  return target ? leaderOf(participants, target) : null;
}
