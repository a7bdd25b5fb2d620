// What happened, newest first, with simulated timestamps: elections, ISR changes, broker
// faults and rebalances — a finished rebalance says how long partitions were paused.
import { memo } from 'react';
import { useSimStore, type StampedEvent } from '../store/simStore';

function describe(e: StampedEvent): string {
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

const kindOf = (e: StampedEvent) => (e.type.startsWith('rebalance') || e.type.startsWith('member') ? 'group' : e.type.startsWith('broker') ? 'broker' : 'partition');

// Events never change once stamped: an item re-renders only for a new sequence number.
const Item = memo(
  function Item({ e }: { e: StampedEvent }) {
    return (
      <li className={`sb-tl-${kindOf(e)}`}>
        <time>{(e.at / 1000).toFixed(2)} s</time> {describe(e)}
      </li>
    );
  },
  (a, b) => a.e.seq === b.e.seq,
);

export function Timeline() {
  const events = useSimStore((s) => s.snapshot?.timeline);
  const list = [...(events ?? [])].reverse();
  return (
    <section className="sb-timeline" aria-label="Timeline">
      <h3>Timeline</h3>
      <ol>
        {list.length === 0 ? <li className="sb-muted">Nothing has happened yet.</li> : null}
        {list.map((e) => (
          <Item key={e.seq} e={e} />
        ))}
      </ol>
    </section>
  );
}
