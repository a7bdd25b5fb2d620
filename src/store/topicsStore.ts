// The Topics tab's state: which topic is open and which of its views (messages, produce, consumer
// groups, configs), the message browser's form and last page, and the answers to produce and
// reset. Every request goes to the worker as a Kafka console call on the running board's
// cluster (simConsole); the forms' text is turned into requests here, with messages a person
// can act on when it does not parse.
import { create } from 'zustand';
import type { BrowsePage, BrowseRequest, KafkaConsoleApi, ResetTarget, TopicConfigView } from '../sim';
import { simConsole } from './simStore';

export type TopicView = 'messages' | 'produce' | 'groups' | 'configs' | 'compaction';
export type StartFrom = 'latest' | 'earliest' | 'offset' | 'time';

export interface BrowseForm {
  /** 'all' or a partition number as text. */
  partition: string;
  from: StartFrom;
  /** The offset to start from (from = 'offset'). */
  offset: string;
  /** Seconds of simulated time since the run began (from = 'time'). */
  seconds: string;
  key: string;
  text: string;
}

export interface ResetForm {
  groupId: string;
  partition: string;
  to: StartFrom;
  offset: string;
  seconds: string;
}

export interface HeaderRow {
  key: string;
  value: string;
}

export interface ProduceForm {
  /** 'key' (the key chooses, as Kafka's default partitioner) or a partition number as text. */
  partition: string;
  key: string;
  value: string;
  headers: HeaderRow[];
}

/** An answer on screen: what happened, the error the cluster gave, or a request still on its way. */
export type Outcome = { ok: true; text: string } | { ok: false; text: string } | { ok: null; text: string } | null;

export interface TopicsState {
  topic: string | null;
  view: TopicView;
  browse: BrowseForm;
  page: BrowsePage | null;
  /** Which browse the page on screen answers (1, 2, …): a new answer always changes it. */
  pageSeq: number;
  busy: boolean;
  browseError: string | null;
  configs: { topic: string; list: TopicConfigView[] } | null;
  produce: ProduceForm;
  produced: Outcome;
  reset: ResetForm;
  resetOutcome: Outcome;
}

export interface TopicsActions {
  setTopic(topic: string): void;
  setView(view: TopicView): void;
  setBrowse(patch: Partial<BrowseForm>): void;
  setProduce(patch: Partial<ProduceForm>): void;
  setReset(patch: Partial<ResetForm>): void;
  showMessages(): Promise<void>;
  loadConfigs(): Promise<void>;
  produceMessage(): Promise<void>;
  resetOffsets(): Promise<void>;
  clear(): void;
}

const initial: TopicsState = {
  topic: null,
  view: 'messages',
  browse: { partition: 'all', from: 'latest', offset: '0', seconds: '0', key: '', text: '' },
  page: null,
  pageSeq: 0,
  busy: false,
  browseError: null,
  configs: null,
  produce: { partition: 'key', key: '', value: '', headers: [] },
  produced: null,
  reset: { groupId: '', partition: 'all', to: 'earliest', offset: '0', seconds: '0' },
  resetOutcome: null,
};

const wholeNumber = (s: string): number | null => (/^\s*\d+\s*$/.test(s) ? Number(s) : null);
const seconds = (s: string): number | null => {
  const n = Number(s.trim());
  return s.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : null;
};

function partitionOf(text: string): number | null {
  return text === 'all' || text === 'key' ? null : Number(text);
}

/** Where to start, or what is wrong with the form. */
export function startFrom(from: StartFrom, offset: string, secs: string): ResetTarget | string {
  if (from === 'latest' || from === 'earliest') return { kind: from };
  if (from === 'offset') {
    const n = wholeNumber(offset);
    return n === null ? `The offset "${offset}" is not a whole number: type 0 or more.` : { kind: 'offset', offset: n };
  }
  const s = seconds(secs);
  return s === null ? `The time "${secs}" is not a number of seconds: type 0 or more (seconds since the run began).` : { kind: 'time', atMs: Math.round(s * 1000) };
}

export function browseRequest(topic: string, f: BrowseForm, limit?: number): BrowseRequest | string {
  const from = startFrom(f.from, f.offset, f.seconds);
  if (typeof from === 'string') return from;
  return { topic, partition: partitionOf(f.partition), from, key: f.key, text: f.text, ...(limit ? { limit } : {}) };
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

let browseSeq = 0;
let consoleOverride: KafkaConsoleApi | null = null;
/** Tests hand the store a console of their own. */
export function setTopicsConsole(next: KafkaConsoleApi | null): void {
  consoleOverride = next;
}
function api(): KafkaConsoleApi {
  const c = consoleOverride ?? simConsole();
  if (!c) throw new Error('The simulation worker is not available in this page.');
  return c;
}

export const useTopicsStore = create<TopicsState & TopicsActions>()((set, get) => ({
  ...initial,
  setTopic: (topic) => {
    if (topic === get().topic) return;
    set({ topic, page: null, browseError: null, configs: null, produced: null, resetOutcome: null });
  },
  setView: (view) => set({ view }),
  setBrowse: (patch) => set({ browse: { ...get().browse, ...patch } }),
  setProduce: (patch) => set({ produce: { ...get().produce, ...patch } }),
  setReset: (patch) => set({ reset: { ...get().reset, ...patch } }),
  async showMessages() {
    const { topic, browse } = get();
    if (!topic) return;
    const req = browseRequest(topic, browse);
    if (typeof req === 'string') return set({ browseError: req });
    set({ busy: true, browseError: null });
    const seq = ++browseSeq;
    try {
      const page = await api().browse(req);
      if (get().topic === topic && seq === browseSeq) set({ page, pageSeq: seq, busy: false });
    } catch (e) {
      set({ busy: false, browseError: messageOf(e), page: null });
    }
  },
  async loadConfigs() {
    const topic = get().topic;
    if (!topic) return;
    try {
      const list = await api().topicConfigs(topic);
      if (get().topic === topic) set({ configs: { topic, list } });
    } catch (e) {
      set({ configs: { topic, list: [] }, browseError: messageOf(e) });
    }
  },
  async produceMessage() {
    const { topic, produce: f } = get();
    if (!topic) return;
    set({ produced: { ok: null, text: `Sending to ${topic}…` } });
    try {
      const at = await api().produce({ topic, key: f.key === '' ? null : f.key, value: f.value, headers: f.headers, partition: partitionOf(f.partition) });
      set({ produced: { ok: true, text: `Written to ${topic} partition ${at.partition} at offset ${at.offset}.` } });
    } catch (e) {
      set({ produced: { ok: false, text: messageOf(e) } });
    }
  },
  async resetOffsets() {
    const { topic, reset: f } = get();
    if (!topic) return;
    if (!f.groupId) return set({ resetOutcome: { ok: false, text: 'Choose the group whose offsets to reset.' } });
    const to = startFrom(f.to, f.offset, f.seconds);
    if (typeof to === 'string') return set({ resetOutcome: { ok: false, text: to } });
    // The commit goes to __consumer_offsets with acks=all: it is answered as simulated time moves.
    set({ resetOutcome: { ok: null, text: `Committing the new offsets of ${f.groupId} to __consumer_offsets…` } });
    try {
      const r = await api().resetOffsets({ groupId: f.groupId, topic, partition: partitionOf(f.partition), to });
      const moved = r.partitions.map((p) => `partition ${p.partition}: ${p.before === '-1' ? 'none' : p.before} → ${p.after}`).join(', ');
      set({ resetOutcome: { ok: true, text: `Offsets of ${f.groupId} on ${topic} reset (${moved}).` } });
    } catch (e) {
      set({ resetOutcome: { ok: false, text: messageOf(e) } });
    }
  },
  clear: () => set(initial),
}));
