// Policies that trigger themselves: event → policy → command → aggregate → ... → the same event.
// Legitimate designs have such loops (retries), but a loop where every step always succeeds
// never ends, in the simulator or on Kafka, so the compiler points it out.
import type { ElementId } from '../model';
import type { CompileContext } from './context';

export function checkPolicyCycles(cx: CompileContext): void {
  // event → the events it can lead to through one policy, one command and its outcomes.
  const next = new Map<ElementId, Set<ElementId>>();
  for (const policy of cx.policies.values()) {
    for (const trigger of policy.triggers) {
      const out = next.get(trigger) ?? new Set<ElementId>();
      next.set(trigger, out);
      for (const commandId of policy.commands) {
        const handler = cx.commands.get(commandId)?.handler;
        const agg = handler?.kind === 'aggregate' ? cx.aggregates.get(handler.elementId) : undefined;
        for (const c of agg?.commands ?? []) if (c.commandId === commandId) for (const o of c.outcomes) out.add(o.eventId);
      }
    }
  }
  for (const policy of cx.policies.values()) {
    const seen = new Set<ElementId>();
    const stack = policy.triggers.flatMap((t) => [...(next.get(t) ?? [])]);
    let loops = false;
    while (stack.length > 0 && !loops) {
      const e = stack.pop()!;
      if (policy.triggers.includes(e)) loops = true;
      if (seen.has(e)) continue;
      seen.add(e);
      stack.push(...(next.get(e) ?? []));
    }
    if (loops) {
      cx.warning(
        'policy-cycle',
        `Policy ${cx.quote(policy.elementId)} can trigger itself again through the commands it issues: make sure one outcome ends the loop (e.g. a rejection event it does not react to), or the flow never stops.`,
        policy.elementId,
      );
    }
  }
}
