import { beforeEach, describe, expect, it } from 'vitest';
import type { ElementId } from '../model';
import { useCollabStore } from './collabStore';
import { useFollowStore } from './followStore';
import { useUiStore } from './uiStore';

const sticky = 'el:one' as ElementId;

describe('presentation mode and following', () => {
  beforeEach(() => {
    useFollowStore.getState().reset();
    useUiStore.getState().reset();
    useCollabStore.getState().reset();
  });

  it('presenting makes the board read-only, follows the facilitator, and says so in presence', () => {
    const ui = useUiStore.getState();
    ui.setSelection([sticky], []);
    ui.startEditing(sticky);
    useFollowStore.getState().present();
    expect(useFollowStore.getState()).toMatchObject({ presenting: true, target: { kind: 'facilitator' } });
    expect(useCollabStore.getState().presenting).toBe(true);
    expect(useUiStore.getState()).toMatchObject({ readOnly: true, editingId: null, selectedElementIds: [] });
    // No editor opens on a read-only board.
    useUiStore.getState().startEditing(sticky);
    expect(useUiStore.getState().editingId).toBeNull();
  });

  it('leaving presentation gives editing back and stops following', () => {
    useFollowStore.getState().present();
    useFollowStore.getState().leavePresentation();
    expect(useFollowStore.getState()).toMatchObject({ presenting: false, target: null });
    expect(useCollabStore.getState().presenting).toBe(false);
    useUiStore.getState().startEditing(sticky);
    expect(useUiStore.getState().editingId).toBe(sticky);
  });

  it('following someone is not presenting: the board stays editable', () => {
    useFollowStore.getState().follow({ kind: 'participant', clientId: 7, name: 'Ada' });
    expect(useUiStore.getState().readOnly).toBe(false);
    useFollowStore.getState().stopFollowing();
    expect(useFollowStore.getState().target).toBeNull();
  });
});
