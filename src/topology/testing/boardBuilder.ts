// Builds boards for tests as plain objects typed as Board, with readable ids ("el:3") so a
// failing assertion says which sticky it is about.
import type {
  Board,
  BoardElement,
  BoardLink,
  BoardSettings,
  ElementId,
  FieldType,
  LinkId,
  PayloadField,
  StreamSettings,
} from '../../model';
import { BOARD_VERSION, DEFAULT_SETTINGS, DEFAULT_STREAM } from '../../model';

export function field(name: string, type: FieldType = 'string', extra: Partial<PayloadField> = {}): PayloadField {
  return { name, type, optional: false, doc: '', ...(type === 'enum' ? { symbols: ['A', 'B'] } : {}), ...extra };
}

interface Place {
  parent?: ElementId;
  x?: number;
  y?: number;
}

export class BoardBuilder {
  private readonly elements: BoardElement[] = [];
  private readonly links: BoardLink[] = [];
  private settingsValue: BoardSettings = { ...DEFAULT_SETTINGS };
  private next = 1;

  constructor(private readonly name = 'Test board') {}

  private base(text: string, place: Place) {
    const id = `el:${this.next++}` as ElementId;
    return {
      id,
      text,
      description: '',
      x: place.x ?? this.next * 10,
      y: place.y ?? 0,
      ...(place.parent ? { parentId: place.parent } : {}),
    };
  }

  private add(el: BoardElement): ElementId {
    this.elements.push(el);
    return el.id;
  }

  context(text: string, opts: { serviceName?: string; instances?: number } = {}): ElementId {
    return this.add({ ...this.base(text, {}), kind: 'boundedContext', width: 800, height: 600, serviceName: opts.serviceName ?? '', instances: opts.instances ?? 1 });
  }
  event(text: string, fields: PayloadField[] = [], place: Place = {}): ElementId {
    return this.add({ ...this.base(text, place), kind: 'event', fields });
  }
  command(text: string, fields: PayloadField[] = [], place: Place = {}): ElementId {
    return this.add({ ...this.base(text, place), kind: 'command', fields });
  }
  aggregate(text: string, idField: string, place: Place & { stream?: Partial<StreamSettings> } = {}): ElementId {
    return this.add({ ...this.base(text, place), kind: 'aggregate', idField, stream: { ...DEFAULT_STREAM, ...place.stream } });
  }
  policy(text: string, place: Place = {}): ElementId {
    return this.add({ ...this.base(text, place), kind: 'policy' });
  }
  readModel(text: string, place: Place = {}): ElementId {
    return this.add({ ...this.base(text, place), kind: 'readModel' });
  }
  external(text: string, place: Place = {}): ElementId {
    return this.add({ ...this.base(text, place), kind: 'externalSystem' });
  }
  actor(text: string, place: Place = {}): ElementId {
    return this.add({ ...this.base(text, place), kind: 'actor' });
  }
  hotspot(text: string, place: Place = {}): ElementId {
    return this.add({ ...this.base(text, place), kind: 'hotspot' });
  }

  link(source: ElementId, target: ElementId, opts: { weight?: number; freeForm?: boolean } = {}): this {
    this.links.push({
      id: `link:${this.links.length + 1}` as LinkId,
      source,
      target,
      freeForm: opts.freeForm ?? false,
      ...(opts.weight !== undefined ? { weight: opts.weight } : {}),
    });
    return this;
  }

  /** Chains links: a → b → c. */
  chain(...ids: ElementId[]): this {
    for (let i = 1; i < ids.length; i++) this.link(ids[i - 1]!, ids[i]!);
    return this;
  }

  settings(patch: Partial<BoardSettings>): this {
    this.settingsValue = { ...this.settingsValue, ...patch };
    return this;
  }

  build(): Board {
    return {
      version: BOARD_VERSION,
      id: 'board:test',
      name: this.name,
      settings: this.settingsValue,
      elements: structuredClone(this.elements),
      links: structuredClone(this.links),
    };
  }
}
