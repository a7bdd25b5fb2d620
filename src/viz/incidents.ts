// The timeline leads with the cause: the cluster's event feed writes one line per partition
// (a broker stop is ~20 lines at one instant, its cause among the last), so events are grouped
// into incidents — events close together in time, in one of two lanes (the cluster: brokers,
// leaders, ISRs; the consumer groups: members and rebalances) — each titled by its most causal
// event and coloured by what it means for the run (a broker starting is good news).
import type { StampedEvent } from '../store/simStore';

export type Tone = 'good' | 'bad' | 'warn' | 'info';

export interface Incident {
  /** Sequence number of the incident's first event (stable while the incident grows). */
  id: number;
  /** When it started (simulated ms). */
  at: number;
  cause: StampedEvent;
  title: string;
  tone: Tone;
  /** What followed, counted: "6 leaders elected · 12 ISRs shrank". Empty for a lone event. */
  summary: string;
  /** Every event of the incident but the cause, oldest first. */
  consequences: StampedEvent[];
}

/** Events further apart than this (simulated ms) belong to different incidents. */
export const INCIDENT_GAP_MS = 50;

type Type = StampedEvent['type'];

/** Lower ranks are more causal: a broker fault explains elections, which explain ISR changes. */
const RANK: Partial<Record<Type, number>> = {
  'broker-crashed': 0,
  'broker-stopped': 0,
  'broker-started': 0,
  'broker-isolated': 0,
  healed: 0,
  'broker-slowed': 0,
  'broker-fenced': 1,
  'member-left': 2,
  'member-expired': 2,
  'member-joined': 2,
  'rebalance-started': 3,
  'partition-offline': 4,
  'records-lost': 4,
  truncated: 4,
  'leader-elected': 5,
};
const rankOf = (t: Type) => RANK[t] ?? 6;

const GOOD = new Set<Type>(['broker-started', 'healed', 'isr-expanded', 'rebalance-finished', 'member-joined', 'partitions-assigned']);
const BAD = new Set<Type>(['broker-crashed', 'broker-stopped', 'broker-isolated', 'partition-offline', 'records-lost', 'truncated']);

export function toneOf(e: StampedEvent): Tone {
  if (e.type === 'leader-elected') return e.unclean ? 'bad' : 'info';
  if (GOOD.has(e.type)) return 'good';
  if (BAD.has(e.type)) return 'bad';
  return 'warn';
}

const laneOf = (e: StampedEvent) => (e.type.startsWith('rebalance') || e.type.startsWith('member') || e.type.startsWith('partitions-') ? 'groups' : 'cluster');

/** One line per event, as the timeline has always written them. */
export function describeEvent(e: StampedEvent): string {
  switch (e.type) {
    case 'leader-elected':
      return `${e.topic}-${e.partition}: broker ${e.leader} elected leader (epoch ${e.epoch}${e.unclean ? ', unclean' : ''}) — ${e.reason}`;
    case 'partition-offline':
      return `${e.topic}-${e.partition} offline — ${e.reason}`;
    case 'isr-shrunk':
      return `${e.topic}-${e.partition}: ISR shrunk, broker ${e.removed} out → [${e.isr.join(', ')}]`;
    case 'isr-expanded':
      return `${e.topic}-${e.partition}: ISR expanded, broker ${e.added} back → [${e.isr.join(', ')}]`;
    case 'truncated':
      return `${e.topic}-${e.partition}: broker ${e.broker} truncated to ${e.to} by ${e.by} (${e.removed} removed)`;
    case 'rebalance-started':
      return `${e.group}: ${e.protocol} rebalance started — ${e.reason}`;
    case 'rebalance-finished':
      return `${e.group}: rebalance finished, generation ${e.generation}, ${e.members} members, paused ${e.pausedMs} ms`;
    case 'member-joined':
    case 'member-left':
    case 'member-expired':
      return `${e.group}: ${e.member} ${e.type.slice(7)}${e.reason ? ` — ${e.reason}` : ''}`;
    case 'partitions-assigned':
    case 'partitions-revoked':
      return `${e.group}: ${e.member} ${e.type.slice(11)} ${e.partitions.join(', ')}`;
    case 'broker-slowed':
      return `Broker ${e.broker} slowed by ${e.delayMs} ms`;
    case 'healed':
      return `Network healed (${e.brokers.join(', ')})`;
    default:
      if ('broker' in e) return `Broker ${e.broker} ${e.type.slice(7)}${'detail' in e && e.detail ? ` — ${e.detail}` : ''}`;
      if ('count' in e) return `${e.topic}-${e.partition}: ${e.count} acknowledged records ${e.type.slice(8)}`;
      return (e as { type: string }).type;
  }
}

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** How a kind of consequence is counted in the summary. */
const COUNTED: Partial<Record<Type, [string, string]>> = {
  'leader-elected': ['leader elected', 'leaders elected'],
  'partition-offline': ['partition offline', 'partitions offline'],
  'isr-shrunk': ['ISR shrank', 'ISRs shrank'],
  'isr-expanded': ['ISR grew back', 'ISRs grew back'],
  truncated: ['replica truncated', 'replicas truncated'],
  'rebalance-started': ['rebalance started', 'rebalances started'],
  'rebalance-finished': ['rebalance finished', 'rebalances finished'],
  'member-joined': ['member joined', 'members joined'],
  'member-left': ['member left', 'members left'],
  'member-expired': ['member expired', 'members expired'],
  'partitions-assigned': ['assignment', 'assignments'],
  'partitions-revoked': ['revocation', 'revocations'],
};

function titleOf(cause: StampedEvent, all: readonly StampedEvent[]): string {
  const same = all.filter((e) => e.type === cause.type).length;
  switch (cause.type) {
    case 'broker-isolated':
      return `Broker ${cause.broker} isolated from the network`;
    case 'leader-elected':
    case 'isr-shrunk':
    case 'isr-expanded':
    case 'partition-offline':
    case 'rebalance-started':
    case 'rebalance-finished':
      return same > 1 ? `${same} ${COUNTED[cause.type]![1]}` : describeEvent(cause);
    case 'records-lost': {
      const lost = all.reduce((sum, e) => sum + (e.type === 'records-lost' ? e.count : 0), 0);
      return `${n(lost, 'acknowledged record', 'acknowledged records')} lost`;
    }
    default:
      return describeEvent(cause);
  }
}

/** Causes whose title counts their kind ("12 ISRs shrank"): the summary does not count them again. */
const TITLE_COUNTS = new Set<Type>(['leader-elected', 'isr-shrunk', 'isr-expanded', 'partition-offline', 'records-lost', 'rebalance-started', 'rebalance-finished']);

function summaryOf(cause: StampedEvent, rest: readonly StampedEvent[]): string {
  const counts = new Map<Type, number>();
  const extra: string[] = [];
  for (const e of rest) {
    if (TITLE_COUNTS.has(cause.type) && e.type === cause.type) continue;
    // A broker stopped or crashed is fenced as a matter of course: one word says it.
    if (e.type === 'broker-fenced' && 'broker' in cause && cause.broker === e.broker) {
      extra.push('fenced');
      continue;
    }
    if (COUNTED[e.type]) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    else if (e.type === 'records-lost') extra.push(`${e.count} acknowledged records lost`);
    else extra.push(describeEvent(e));
  }
  return [...extra, ...[...counts].map(([t, c]) => n(c, COUNTED[t]![0], COUNTED[t]![1]))].join(' · ');
}

function incidentOf(events: StampedEvent[]): Incident {
  let cause = events[0]!;
  for (const e of events) if (rankOf(e.type) < rankOf(cause.type)) cause = e;
  const consequences = events.filter((e) => e !== cause);
  let tone = toneOf(cause);
  // Whatever the cause, losing records or a partition is bad news.
  if (consequences.some((e) => e.type === 'records-lost' || e.type === 'partition-offline' || (e.type === 'leader-elected' && e.unclean))) tone = 'bad';
  return { id: events[0]!.seq, at: events[0]!.at, cause, title: titleOf(cause, events), tone, summary: summaryOf(cause, consequences), consequences };
}

/** Groups a feed (oldest first) into incidents, oldest first. */
export function groupIncidents(events: readonly StampedEvent[], gapMs = INCIDENT_GAP_MS): Incident[] {
  const open = new Map<string, StampedEvent[]>();
  const closed: StampedEvent[][] = [];
  for (const e of events) {
    const lane = laneOf(e);
    const current = open.get(lane);
    if (current && e.at - current[current.length - 1]!.at <= gapMs) current.push(e);
    else {
      if (current) closed.push(current);
      open.set(lane, [e]);
    }
  }
  closed.push(...open.values());
  return closed.map(incidentOf).sort((a, b) => a.at - b.at || a.id - b.id);
}
