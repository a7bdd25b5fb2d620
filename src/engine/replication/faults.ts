// The fault API of DESIGN.md (stop, start, crash, isolate, heal, slow) with what Kafka does in
// each case: a clean stop moves leadership away first and loses nothing; a crash is noticed by
// the controller only after broker.session.timeout.ms (and, in power-loss mode, loses what was
// not flushed); an isolated broker keeps believing in its old leadership until it is fenced and
// told otherwise, accepting acks=1 writes that its rejoining truncation then discards.
import { flushReplica, type ClusterCore } from './clusterCore';
import { auditLeader, controlledShutdown, fenceBroker, pushState, unfenceBroker } from './controller';
import { forgetIdleFetches } from './fetcher';

export function stopBroker(core: ClusterCore, id: number): void {
  // A broker's state is in every fetch's checks.
  forgetIdleFetches(core);
  const b = core.broker(id);
  if (b.status !== 'running') return;
  if (!b.isolated) controlledShutdown(core, id);
  for (const p of core.partitionsOf(id)) {
    flushReplica(p, id);
    p.checkpointHighWatermark(id);
    core.failPendingAcks(p, id);
  }
  b.status = 'stopped';
  core.feed.push({ type: 'broker-stopped', broker: id });
  // An isolated broker cannot tell the controller it is leaving: it is fenced by timeout instead.
  if (b.isolated) scheduleFence(core, id, 'stopped while isolated');
  else fenceBroker(core, id, `broker ${id} shut down`);
}

export function crashBroker(core: ClusterCore, id: number): void {
  forgetIdleFetches(core);
  const b = core.broker(id);
  if (b.status !== 'running') return;
  b.status = 'crashed';
  let lost = 0;
  for (const p of core.partitionsOf(id)) {
    core.failPendingAcks(p, id);
    if (core.config.crashMode === 'power-loss') lost += p.loseUnflushed(id);
  }
  core.feed.push({ type: 'broker-crashed', broker: id, detail: core.config.crashMode === 'power-loss' ? `${lost} unflushed record(s) lost from its disk` : 'process killed; the page cache kept its writes' });
  scheduleFence(core, id, 'crashed');
}

export function startBroker(core: ClusterCore, id: number): void {
  forgetIdleFetches(core);
  const b = core.broker(id);
  if (b.status === 'running') return;
  // A restarted broker registers with a new incarnation: the old one is fenced first (KIP-903).
  if (!b.fenced && core.config.fenceOnRestart) fenceBroker(core, id, `broker ${id} restarted`);
  b.status = 'running';
  b.incarnation++;
  for (const p of core.partitionsOf(id)) {
    p.reloadHighWatermark(id);
    const v = p.view(id);
    v.leader = null;
    v.leaderEpoch = -1;
    v.needsTruncation = false;
  }
  core.feed.push({ type: 'broker-started', broker: id });
  if (b.isolated) return;
  if (b.fenced) unfenceBroker(core, id);
  else
    for (const p of core.partitionsOf(id)) {
      pushState(core, p, id);
      auditLeader(core, p);
    }
}

export function isolateBroker(core: ClusterCore, id: number): void {
  forgetIdleFetches(core);
  const b = core.broker(id);
  if (b.isolated) return;
  b.isolated = true;
  core.feed.push({ type: 'broker-isolated', broker: id });
  scheduleFence(core, id, 'isolated');
}

export function heal(core: ClusterCore): void {
  forgetIdleFetches(core);
  const healed: number[] = [];
  for (const b of core.brokerStates()) {
    if (!b.isolated) continue;
    b.isolated = false;
    healed.push(b.id);
  }
  if (healed.length === 0) return;
  core.feed.push({ type: 'healed', brokers: healed });
  for (const id of healed) {
    const b = core.broker(id);
    if (b.status !== 'running') continue;
    if (b.fenced) unfenceBroker(core, id);
    else
      for (const p of core.partitionsOf(id)) {
        pushState(core, p, id);
        auditLeader(core, p);
      }
  }
}

export function slowBroker(core: ClusterCore, id: number, delayMs: number): void {
  const b = core.broker(id);
  b.slowMs = Math.max(0, delayMs);
  core.feed.push({ type: 'broker-slowed', broker: id, delayMs: b.slowMs });
}

function scheduleFence(core: ClusterCore, id: number, why: string): void {
  const b = core.broker(id);
  const incarnation = b.incarnation;
  core.clock.setTimeout(() => {
    const now = core.broker(id);
    if (now.incarnation !== incarnation || now.fenced) return;
    if (now.status !== 'running' || now.isolated) fenceBroker(core, id, `no heartbeat from broker ${id} for ${core.config.brokerSessionTimeoutMs} ms (${why})`);
  }, core.config.brokerSessionTimeoutMs);
}

/** An operator-forced flush of every log on a broker (scripted experiments pin what is on disk). */
export function flushBroker(core: ClusterCore, id: number): void {
  if (core.broker(id).status !== 'running') return;
  for (const p of core.partitionsOf(id)) flushReplica(p, id);
}

/** Writes the broker's high-watermark checkpoint file now. */
export function checkpointBroker(core: ClusterCore, id: number): void {
  if (core.broker(id).status !== 'running') return;
  for (const p of core.partitionsOf(id)) p.checkpointHighWatermark(id);
}
