// What to watch after each step of a fault experiment, so a workshop stepping through one
// knows where to look: the hint follows from the step's kind (and acks), in Kafka's terms.
import type { ExperimentStep } from './engineApi';

export function watchForStep(step: ExperimentStep): string {
  switch (step.kind) {
    case 'produce':
      return step.acks === -1
        ? 'Acknowledged records: with acks=all a record counts once every in-sync replica has it; the high watermark moves with it.'
        : step.acks === 1
          ? 'Acknowledged records: with acks=1 the leader answers as soon as it wrote — log end moves ahead of the high watermark until the followers copy.'
          : 'With acks=0 nobody waits for an answer: the producer cannot know what was lost.';
    case 'advance':
      return 'Time passes: followers fetch (high watermark catches up), and timeouts fire — a stale follower leaves the ISR, a fenced broker loses its leaderships.';
    case 'crash':
      return `The Leader column: if broker ${step.broker} led, a new leader comes from the ISR after the controller notices; records only broker ${step.broker} had are lost (Lost acknowledged records).`;
    case 'stop':
      return `Controlled shutdown: leadership moves off broker ${step.broker} before it stops, and it leaves the ISR — nothing acknowledged is lost.`;
    case 'start':
      return `The ISR column: broker ${step.broker} truncates what the leader does not have (leader epochs), catches up, and rejoins the ISR.`;
    case 'isolate':
      return `Broker ${step.broker} cannot reach the others: it drops out of the ISR after replica.lag.time.max.ms, and loses its leaderships when fenced.`;
    case 'heal':
      return 'The network is whole again: isolated brokers catch up and rejoin the ISR.';
    case 'slow':
      return `Broker ${step.broker} answers ${step.ms} ms late: a follower that falls too far behind leaves the ISR.`;
    case 'flush':
      return `Broker ${step.broker} writes its log to disk: what it flushed survives a power loss, the rest does not.`;
    case 'checkpoint':
      return `Broker ${step.broker} saves its high watermark: after a restart it starts from this checkpoint, which may be behind.`;
    case 'preferred-election':
      return 'The Leader column: leadership goes back to each partition’s preferred (first) replica.';
  }
}
