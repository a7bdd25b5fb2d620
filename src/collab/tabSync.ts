// Live sync between tabs of one browser that have the same board open, over BroadcastChannel
// (no server needed). A tab announces its state vector when it joins; the others answer with
// what it lacks plus their own state vector, which it answers in turn; after that every local
// update is posted as it happens. Updates received here are applied with TAB_ORIGIN and never
// posted back, so nothing loops; applying a Yjs update twice is harmless.
import * as Y from 'yjs';

export const TAB_ORIGIN = Symbol('stormbench:tab');

type TabMessage =
  | { t: 'hello'; from: string; sv: Uint8Array }
  | { t: 'welcome'; from: string; to: string; update: Uint8Array; sv: Uint8Array }
  | { t: 'update'; from: string; update: Uint8Array };

export interface TabSync {
  stop(): void;
}

export interface ChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export function tabChannelName(boardId: string): string {
  return `stormbench:board:${boardId}`;
}

export function startTabSync(ydoc: Y.Doc, channelName: string, open: (name: string) => ChannelLike = (n) => new BroadcastChannel(n)): TabSync {
  const channel = open(channelName);
  const me = Math.random().toString(36).slice(2);
  const post = (message: TabMessage) => {
    try {
      channel.postMessage(message);
    } catch {
      // A closed channel (tab closing) has nothing left to tell.
    }
  };
  const apply = (update: Uint8Array) => {
    try {
      Y.applyUpdate(ydoc, update, TAB_ORIGIN);
    } catch {
      // A damaged message from another tab must not break this one.
    }
  };
  channel.onmessage = (event: MessageEvent) => {
    const m = event.data as TabMessage;
    if (!m || typeof m !== 'object' || m.from === me) return;
    if (m.t === 'hello') {
      post({ t: 'welcome', from: me, to: m.from, update: Y.encodeStateAsUpdate(ydoc, m.sv), sv: Y.encodeStateVector(ydoc) });
    } else if (m.t === 'welcome' && m.to === me) {
      apply(m.update);
      const missing = Y.encodeStateAsUpdate(ydoc, m.sv);
      if (missing.byteLength > 2) post({ t: 'update', from: me, update: missing });
    } else if (m.t === 'update') {
      apply(m.update);
    }
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== TAB_ORIGIN) post({ t: 'update', from: me, update });
  };
  ydoc.on('update', onUpdate);
  post({ t: 'hello', from: me, sv: Y.encodeStateVector(ydoc) });
  return {
    stop() {
      ydoc.off('update', onUpdate);
      channel.onmessage = null;
      channel.close();
    },
  };
}
