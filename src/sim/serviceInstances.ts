// The running instances of each service (bounded context): an instance is one member in
// every consumer group of its service, so adding, removing or crashing one triggers a
// rebalance in each of those groups, as scaling a real deployment does.
import type { ServiceSpec } from '../topology';
import type { AssignorName, Cluster } from './engineApi';
import { UnknownInstanceError, UnknownServiceError } from './errors';
import type { GroupRole } from './groupRoles';
import type { InstanceView, ServiceView } from './simSnapshot';

interface Instance {
  id: string;
  serviceId: string;
  state: 'running' | 'crashed';
  /** Group id → this instance's member in it. */
  members: Map<string, string>;
}

export interface StoredInstances {
  counters: [string, number][];
  instances: { id: string; serviceId: string; state: 'running' | 'crashed' }[];
}

export interface MemberSettings {
  assignor: AssignorName;
  sessionTimeoutMs: number;
  processingMsPerRecord: number;
}

export class ServiceInstances {
  private readonly instances = new Map<string, Instance[]>();
  private readonly counters = new Map<string, number>();

  constructor(
    private readonly cluster: Cluster,
    private readonly services: readonly ServiceSpec[],
    private readonly roles: readonly GroupRole[],
    private readonly settings: () => MemberSettings,
    /** A role's subscription as it stands (pattern subscriptions expanded). */
    private readonly topicsOf: (role: GroupRole) => string[] = (r) => r.topics,
  ) {
    for (const s of services) this.instances.set(s.id, []);
  }

  private service(id: string): ServiceSpec {
    const s = this.services.find((x) => x.id === id || x.name === id);
    if (!s) throw new UnknownServiceError(id);
    return s;
  }

  /** Starts one more instance of a service; returns its id. */
  add(serviceId: string): string {
    const s = this.service(serviceId);
    const n = (this.counters.get(s.id) ?? 0) + 1;
    this.counters.set(s.id, n);
    return this.launch(s, `${s.name}-${n}`);
  }

  /** Starts an instance under a given id: its members join their groups. */
  private launch(s: ServiceSpec, id: string): string {
    const members = new Map<string, string>();
    for (const r of this.roles) {
      if (r.serviceId !== s.id) continue;
      const topics = this.topicsOf(r);
      if (topics.length > 0) members.set(r.groupId, this.member(r, id, topics));
    }
    this.instances.get(s.id)!.push({ id, serviceId: s.id, state: 'running', members });
    return id;
  }

  private member(r: GroupRole, clientId: string, topics: string[]): string {
    const cfg = this.settings();
    return this.cluster.groups.addMember({
      groupId: r.groupId,
      topics,
      clientId,
      assignor: cfg.assignor,
      sessionTimeoutMs: cfg.sessionTimeoutMs,
      heartbeatIntervalMs: Math.max(100, Math.floor(cfg.sessionTimeoutMs / 3)),
      processingMsPerRecord: cfg.processingMsPerRecord,
      autoOffsetReset: 'earliest',
      commitMode: 'auto',
    });
  }

  /** A metadata refresh found new topics for a role: each running instance (re)subscribes. */
  resubscribe(role: GroupRole): void {
    const topics = this.topicsOf(role);
    if (topics.length === 0) return;
    for (const inst of this.instances.get(role.serviceId) ?? []) {
      if (inst.state !== 'running') continue;
      const m = inst.members.get(role.groupId);
      if (m) this.cluster.groups.subscribe(m, topics);
      else inst.members.set(role.groupId, this.member(role, inst.id, topics));
    }
  }

  private find(instanceId: string): { list: Instance[]; inst: Instance } {
    for (const list of this.instances.values()) {
      const inst = list.find((i) => i.id === instanceId);
      if (inst) return { list, inst };
    }
    throw new UnknownInstanceError(instanceId);
  }

  /** A clean shutdown: each member commits, revokes and leaves at once. */
  remove(instanceId: string): void {
    const { list, inst } = this.find(instanceId);
    if (inst.state === 'running') for (const m of inst.members.values()) this.cluster.groups.closeMember(m);
    list.splice(list.indexOf(inst), 1);
  }

  /** The process dies: the group notices after session.timeout.ms. */
  crash(instanceId: string): void {
    const { inst } = this.find(instanceId);
    if (inst.state === 'crashed') return;
    inst.state = 'crashed';
    for (const m of inst.members.values()) this.cluster.groups.crashMember(m);
  }

  /** A rolling restart: every running instance is replaced by a fresh one (new settings apply). */
  restartAll(): void {
    for (const s of this.services) {
      const running = this.instances.get(s.id)!.filter((i) => i.state === 'running');
      for (const inst of running) {
        this.remove(inst.id);
        this.add(s.id);
      }
    }
  }

  /** The instances as plain data (a stored run): ids, states and each service's instance counter. */
  exportState(): StoredInstances {
    return {
      counters: [...this.counters],
      instances: [...this.instances.values()].flat().map((i) => ({ id: i.id, serviceId: i.serviceId, state: i.state })),
    };
  }

  /**
   * Brings a stored run's instances back: each running one starts again under its id and its
   * members join their groups in a new generation (as restarted processes would); crashed ones
   * stay crashed.
   */
  restoreState(state: StoredInstances): void {
    for (const [k, n] of state.counters) this.counters.set(k, n);
    for (const i of state.instances) {
      const s = this.services.find((x) => x.id === i.serviceId);
      if (!s) continue;
      if (i.state === 'running') this.launch(s, i.id);
      else this.instances.get(s.id)!.push({ id: i.id, serviceId: s.id, state: 'crashed', members: new Map() });
    }
  }

  views(): ServiceView[] {
    return this.services.map((s) => ({
      id: s.id,
      name: s.name,
      label: s.label,
      instances: this.instances.get(s.id)!.map((i): InstanceView => ({ id: i.id, state: i.state })),
    }));
  }

  /** Which instance a group member belongs to. */
  instanceOfMember(memberId: string): string | null {
    for (const list of this.instances.values()) for (const i of list) if ([...i.members.values()].includes(memberId)) return i.id;
    return null;
  }
}
