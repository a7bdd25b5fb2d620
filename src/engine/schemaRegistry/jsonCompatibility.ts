// JSON Schema compatibility as Confluent's registry judges it (its JSON Schema diff): walk the
// original and the updated schema side by side, name each difference, and call the update
// compatible when every difference is one that still accepts what the original accepted.
// BACKWARD compares (registered → proposed); FORWARD (proposed → registered). Content models
// decide what adding and removing properties means: an open model (additionalProperties absent
// or true) may already carry any property, so adding a typed one is incompatible and removing
// one is not; a closed model (additionalProperties: false) is the other way round.
// Covered: type, enum, const, pattern, numeric and length bounds, properties, required,
// additionalProperties, items, title/description/default, and the combiners oneOf/anyOf/allOf
// and not as Confluent compares them (compareCombined below).

type Schema = Record<string, unknown> | boolean;

export interface JsonIssue {
  rule: string;
  path: string;
  field?: string;
}

/** Difference types that keep every document the original accepted (Confluent's compatible changes). */
const COMPATIBLE = new Set([
  'TYPE_EXTENDED',
  'ENUM_ARRAY_EXTENDED',
  'CONST_REMOVED',
  'PATTERN_REMOVED',
  'MAXIMUM_INCREASED',
  'MAXIMUM_REMOVED',
  'MINIMUM_DECREASED',
  'MINIMUM_REMOVED',
  'EXCLUSIVE_MAXIMUM_INCREASED',
  'EXCLUSIVE_MAXIMUM_REMOVED',
  'EXCLUSIVE_MINIMUM_DECREASED',
  'EXCLUSIVE_MINIMUM_REMOVED',
  'MAX_LENGTH_INCREASED',
  'MAX_LENGTH_REMOVED',
  'MIN_LENGTH_DECREASED',
  'MIN_LENGTH_REMOVED',
  'MAX_ITEMS_INCREASED',
  'MAX_ITEMS_REMOVED',
  'MIN_ITEMS_DECREASED',
  'MIN_ITEMS_REMOVED',
  'REQUIRED_ATTRIBUTE_REMOVED',
  'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED',
  'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL',
  'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL',
  'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
  'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL',
  'ADDITIONAL_PROPERTIES_ADDED',
  'ADDITIONAL_PROPERTIES_EXTENDED',
  'TITLE_CHANGED',
  'DESCRIPTION_CHANGED',
  'DEFAULT_CHANGED',
  'SCHEMA_REMOVED',
  'COMBINED_TYPE_EXTENDED',
  'SUM_TYPE_EXTENDED',
  'PRODUCT_TYPE_NARROWED',
  'NOT_TYPE_NARROWED',
]);

export const isCompatibleJsonChange = (rule: string) => COMPATIBLE.has(rule);

const obj = (s: Schema | undefined): Record<string, unknown> => (s && typeof s === 'object' ? s : {});
const types = (s: Record<string, unknown>): Set<string> | null => {
  const t = s.type;
  if (t === undefined) return null;
  return new Set(Array.isArray(t) ? (t as string[]) : [t as string]);
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Open: additionalProperties absent or true. Closed: false. Partially open: a schema. */
const contentModel = (s: Record<string, unknown>): 'open' | 'closed' | 'partial' =>
  s.additionalProperties === undefined || s.additionalProperties === true ? 'open' : s.additionalProperties === false ? 'closed' : 'partial';
const isEmptySchema = (s: unknown) => s === true || (typeof s === 'object' && s !== null && Object.keys(s).length === 0);

type Criterion = 'allOf' | 'anyOf' | 'oneOf';
interface Combined {
  criterion: Criterion;
  /** Branches with duplicates collapsed (Confluent compares them as a set). */
  branches: Schema[];
}
const CRITERIA: readonly Criterion[] = ['allOf', 'anyOf', 'oneOf'];
const ANNOTATIONS = new Set(['title', 'description', 'default', '$schema', '$id', '$comment', 'examples']);

/** The schema's combiner, when it has exactly one of allOf/anyOf/oneOf. */
function combinerOf(s: Record<string, unknown>): Combined | null {
  const found = CRITERIA.filter((c) => Array.isArray(s[c]));
  if (found.length !== 1) return null;
  const seen = new Set<string>();
  const branches = (s[found[0]!] as Schema[]).filter((b) => !seen.has(JSON.stringify(b)) && (seen.add(JSON.stringify(b)), true));
  return { criterion: found[0]!, branches };
}
/** Only a combiner (and annotations): Confluent's CombinedSchema. With other keywords beside it, the rest is compared keyword by keyword. */
const isPureCombined = (s: Record<string, unknown>) => combinerOf(s) !== null && Object.keys(s).every((k) => ANNOTATIONS.has(k) || CRITERIA.includes(k as Criterion));

/** Maximum bipartite matching (augmenting paths): how many originals can each take a distinct compatible update. */
function matchingSize(edges: readonly (readonly number[])[], updates: number): number {
  const owner: number[] = new Array<number>(updates).fill(-1);
  const augment = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (owner[j] === -1 || augment(owner[j]!, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (let i = 0; i < edges.length; i++) if (augment(i, new Array<boolean>(updates).fill(false))) size++;
  return size;
}

class Differ {
  readonly out: JsonIssue[] = [];

  private add(rule: string, path: string, field?: string) {
    this.out.push({ rule, path: path || '#', ...(field ? { field } : {}) });
  }

  bound(o: Record<string, unknown>, u: Record<string, unknown>, key: string, name: string, path: string, field?: string) {
    const a = o[key] as number | undefined;
    const b = u[key] as number | undefined;
    if (a === b) return;
    if (a === undefined) this.add(`${name}_ADDED`, path, field);
    else if (b === undefined) this.add(`${name}_REMOVED`, path, field);
    else if (b > a) this.add(`${name}_INCREASED`, path, field);
    else this.add(`${name}_DECREASED`, path, field);
  }

  compare(original: Schema | undefined, update: Schema | undefined, path: string, field?: string): void {
    if (original === undefined && update === undefined) return;
    if (update === undefined) return this.add('SCHEMA_REMOVED', path, field);
    if (original === undefined) return this.add('SCHEMA_ADDED', path, field);
    if (same(original, update)) return;
    const o = obj(original);
    const u = obj(update);
    if (original === false || update === true || isEmptySchema(update)) {
      // Anything can change to the empty schema; nothing was accepted by false.
      if (!isEmptySchema(original)) this.add('SCHEMA_REMOVED', path, field);
      return;
    }
    if (original === true || isEmptySchema(original)) return this.add('TYPE_NARROWED', path, field);
    const oc = isPureCombined(o) ? combinerOf(o) : null;
    const uc = isPureCombined(u) ? combinerOf(u) : null;
    if (!oc && uc) return this.plainToCombined(original, uc, path, field);
    if (oc && !uc) return this.combinedToPlain(oc, update, path, field);
    if (o.title !== u.title) this.add('TITLE_CHANGED', path, field);
    if (o.description !== u.description) this.add('DESCRIPTION_CHANGED', path, field);
    if (!same(o.default, u.default)) this.add('DEFAULT_CHANGED', path, field);
    this.compareType(o, u, path, field);
    this.compareEnum(o, u, path, field);
    if (!same(o.const, u.const)) this.add(o.const === undefined ? 'CONST_ADDED' : u.const === undefined ? 'CONST_REMOVED' : 'CONST_CHANGED', path, field);
    if (o.pattern !== u.pattern) this.add(o.pattern === undefined ? 'PATTERN_ADDED' : u.pattern === undefined ? 'PATTERN_REMOVED' : 'PATTERN_CHANGED', path, field);
    this.bound(o, u, 'maximum', 'MAXIMUM', path, field);
    this.bound(o, u, 'minimum', 'MINIMUM', path, field);
    this.bound(o, u, 'exclusiveMaximum', 'EXCLUSIVE_MAXIMUM', path, field);
    this.bound(o, u, 'exclusiveMinimum', 'EXCLUSIVE_MINIMUM', path, field);
    this.bound(o, u, 'maxLength', 'MAX_LENGTH', path, field);
    this.bound(o, u, 'minLength', 'MIN_LENGTH', path, field);
    this.bound(o, u, 'maxItems', 'MAX_ITEMS', path, field);
    this.bound(o, u, 'minItems', 'MIN_ITEMS', path, field);
    this.compareCombiners(o, u, path, field);
    this.compareNot(o, u, path, field);
    if (o.items !== undefined || u.items !== undefined) this.compare((o.items as Schema | undefined) ?? true, (u.items as Schema | undefined) ?? true, `${path}/items`, field);
    this.compareObject(o, u, path, field);
  }

  /** A sub-comparison: its differences, and whether all of them are compatible. */
  private sub(original: Schema | undefined, update: Schema | undefined, path: string, field?: string): { out: JsonIssue[]; ok: boolean } {
    const d = new Differ();
    d.compare(original, update, path, field);
    return { out: d.out, ok: d.out.every((x) => COMPATIBLE.has(x.rule)) };
  }

  /**
   * A plain schema becomes a combined one: a single branch is compared as the schema itself; an
   * anyOf/oneOf that has a branch accepting what the original accepted is SUM_TYPE_EXTENDED. Else TYPE_CHANGED.
   */
  private plainToCombined(original: Schema, uc: Combined, path: string, field?: string) {
    const single = uc.branches.length === 1;
    if (single || uc.criterion !== 'allOf') {
      for (const [i, b] of uc.branches.entries()) {
        const r = this.sub(original, b, `${path}/${uc.criterion}/${i}`, field);
        if (!r.ok) continue;
        this.out.push(...r.out);
        if (!single) this.add('SUM_TYPE_EXTENDED', path, field);
        return;
      }
    }
    this.add('TYPE_CHANGED', path, field);
  }

  /** The other way: a single branch, or an allOf with a branch the update accepts all of (PRODUCT_TYPE_NARROWED). Else TYPE_CHANGED. */
  private combinedToPlain(oc: Combined, update: Schema, path: string, field?: string) {
    const single = oc.branches.length === 1;
    if (single || oc.criterion === 'allOf') {
      for (const [i, b] of oc.branches.entries()) {
        const r = this.sub(b, update, `${path}/${oc.criterion}/${i}`, field);
        if (!r.ok) continue;
        this.out.push(...r.out);
        if (!single) this.add('PRODUCT_TYPE_NARROWED', path, field);
        return;
      }
    }
    this.add('TYPE_CHANGED', path, field);
  }

  /**
   * Combiners on both sides, as Confluent's CombinedSchemaDiff: first the criterion (the same;
   * COMBINED_TYPE_EXTENDED when the update is anyOf, or singletons make it so; else
   * COMBINED_TYPE_CHANGED and no further look), then the number of branches (a sum type —
   * anyOf/oneOf — may gain branches, SUM_TYPE_EXTENDED, not lose them, SUM_TYPE_NARROWED; a
   * product type — allOf — may lose members, PRODUCT_TYPE_NARROWED, not gain them,
   * PRODUCT_TYPE_EXTENDED), then the branches pairwise: every branch of the smaller side must be
   * matched to a distinct compatible branch of the other (COMBINED_TYPE_SUBSCHEMAS_CHANGED when
   * not), and the matched pairs' own differences count.
   */
  private compareCombiners(o: Record<string, unknown>, u: Record<string, unknown>, path: string, field?: string) {
    const oc = combinerOf(o);
    const uc = combinerOf(u);
    if (!oc && !uc) return;
    if (!oc || !uc) {
      // A combiner added to or dropped from a schema that has other keywords: not compared branch by branch.
      this.add('COMBINED_TYPE_CHANGED', `${path}/${(oc ?? uc)!.criterion}`, field);
      return;
    }
    if (same(oc, uc)) return;
    const at = `${path}/${oc.criterion}`;
    if (oc.criterion !== uc.criterion) {
      const oneO = oc.branches.length === 1;
      const oneU = uc.branches.length === 1;
      const extended = uc.criterion === 'anyOf' || (oneO && oneU) || (oneO && uc.criterion === 'oneOf') || (oneU && oc.criterion === 'allOf');
      this.add(extended ? 'COMBINED_TYPE_EXTENDED' : 'COMBINED_TYPE_CHANGED', at, field);
      if (!extended) return;
    }
    const os = oc.branches.length;
    const us = uc.branches.length;
    if (os < us) this.add(uc.criterion === 'allOf' ? 'PRODUCT_TYPE_EXTENDED' : 'SUM_TYPE_EXTENDED', at, field);
    else if (os > us) this.add(oc.criterion === 'allOf' ? 'PRODUCT_TYPE_NARROWED' : 'SUM_TYPE_NARROWED', at, field);
    const results = oc.branches.map((ob, i) => uc.branches.map((ub) => this.sub(ob, ub, `${at}/${i}`, field)));
    const edges = results.map((row) => row.flatMap((r, j) => (r.ok ? [j] : [])));
    // The differences of compatible pairs are all compatible; what decides is whether the smaller side is covered.
    for (const row of results) {
      const first = row.find((r) => r.ok);
      if (first) this.out.push(...first.out);
    }
    if (matchingSize(edges, us) < Math.min(os, us)) this.add('COMBINED_TYPE_SUBSCHEMAS_CHANGED', at, field);
  }

  /** not: the update may refuse less (NOT_TYPE_NARROWED), not more (NOT_TYPE_EXTENDED) — the inner schemas compared the other way round. */
  private compareNot(o: Record<string, unknown>, u: Record<string, unknown>, path: string, field?: string) {
    if (same(o.not, u.not)) return;
    if (o.not === undefined || u.not === undefined) return this.add(o.not === undefined ? 'NOT_TYPE_EXTENDED' : 'NOT_TYPE_NARROWED', `${path}/not`, field);
    this.add(this.sub(u.not as Schema, o.not as Schema, `${path}/not`, field).ok ? 'NOT_TYPE_NARROWED' : 'NOT_TYPE_EXTENDED', `${path}/not`, field);
  }

  private compareType(o: Record<string, unknown>, u: Record<string, unknown>, path: string, field?: string) {
    const a = types(o);
    const b = types(u);
    if (a === null && b === null) return;
    if (b === null) return this.add('TYPE_EXTENDED', path, field);
    if (a === null) return this.add('TYPE_NARROWED', path, field);
    // integer → number widens (every integer is a number).
    const covered = (t: string) => b.has(t) || (t === 'integer' && b.has('number'));
    const allCovered = [...a].every(covered);
    const sameSet = a.size === b.size && [...a].every((t) => b.has(t));
    if (sameSet) return;
    if (allCovered) return this.add('TYPE_EXTENDED', path, field);
    const narrowed = [...b].every((t) => a.has(t) || (t === 'integer' && a.has('number')));
    this.add(narrowed ? 'TYPE_NARROWED' : 'TYPE_CHANGED', path, field);
  }

  private compareEnum(o: Record<string, unknown>, u: Record<string, unknown>, path: string, field?: string) {
    const a = o.enum as unknown[] | undefined;
    const b = u.enum as unknown[] | undefined;
    if (a === undefined && b === undefined) return;
    if (b === undefined) return this.add('ENUM_ARRAY_EXTENDED', path, field);
    if (a === undefined) return this.add('ENUM_ARRAY_NARROWED', path, field);
    const has = (xs: unknown[], x: unknown) => xs.some((y) => same(x, y));
    const keepsAll = a.every((x) => has(b, x));
    const addsNone = b.every((x) => has(a, x));
    if (keepsAll && addsNone) return;
    this.add(keepsAll ? 'ENUM_ARRAY_EXTENDED' : addsNone ? 'ENUM_ARRAY_NARROWED' : 'ENUM_ARRAY_CHANGED', path, field);
  }

  private compareObject(o: Record<string, unknown>, u: Record<string, unknown>, path: string, field?: string) {
    const op = (o.properties ?? {}) as Record<string, Schema>;
    const up = (u.properties ?? {}) as Record<string, Schema>;
    const oreq = new Set((o.required ?? []) as string[]);
    const ureq = new Set((u.required ?? []) as string[]);
    const om = contentModel(o);
    const um = contentModel(u);
    const sub = (name: string) => (field ? `${field}.${name}` : name);
    for (const name of Object.keys(op)) {
      const p = `${path}/properties/${name}`;
      if (name in up) {
        this.compare(op[name], up[name], p, sub(name));
        continue;
      }
      if (um === 'open') this.add('PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL', p, sub(name));
      else if (um === 'closed') this.add('PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', p, sub(name));
      else {
        const d = new Differ();
        d.compare(op[name], u.additionalProperties as Schema, p, sub(name));
        this.add(d.out.every((x) => COMPATIBLE.has(x.rule)) ? 'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', p, sub(name));
      }
    }
    for (const name of Object.keys(up)) {
      if (name in op) continue;
      const p = `${path}/properties/${name}`;
      const hasDefault = obj(up[name]).default !== undefined;
      if (om === 'open') this.add(isEmptySchema(up[name]) ? 'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL' : 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', p, sub(name));
      else if (ureq.has(name)) this.add(hasDefault ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', p, sub(name));
      else if (om === 'closed') this.add('OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', p, sub(name));
      else {
        const d = new Differ();
        d.compare(o.additionalProperties as Schema, up[name], p, sub(name));
        this.add(d.out.every((x) => COMPATIBLE.has(x.rule)) ? 'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', p, sub(name));
      }
    }
    for (const name of ureq) {
      if (oreq.has(name) || !(name in op)) continue;
      this.add(obj(up[name]).default !== undefined ? 'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED' : 'REQUIRED_ATTRIBUTE_ADDED', `${path}/required/${name}`, sub(name));
    }
    for (const name of oreq) if (!ureq.has(name) && name in up) this.add('REQUIRED_ATTRIBUTE_REMOVED', `${path}/required/${name}`, sub(name));
    if (om !== um || (om === 'partial' && !same(o.additionalProperties, u.additionalProperties))) {
      if (om === 'open') this.add(um === 'closed' ? 'ADDITIONAL_PROPERTIES_REMOVED' : 'ADDITIONAL_PROPERTIES_NARROWED', `${path}/additionalProperties`, field);
      else if (um === 'open') this.add('ADDITIONAL_PROPERTIES_ADDED', `${path}/additionalProperties`, field);
      else if (om === 'closed') this.add('ADDITIONAL_PROPERTIES_EXTENDED', `${path}/additionalProperties`, field);
      else if (um === 'closed') this.add('ADDITIONAL_PROPERTIES_REMOVED', `${path}/additionalProperties`, field);
      else {
        const d = new Differ();
        d.compare(o.additionalProperties as Schema, u.additionalProperties as Schema, `${path}/additionalProperties`, field);
        this.add(d.out.every((x) => COMPATIBLE.has(x.rule)) ? 'ADDITIONAL_PROPERTIES_EXTENDED' : 'ADDITIONAL_PROPERTIES_NARROWED', `${path}/additionalProperties`, field);
      }
    }
  }
}

/** Every difference from `original` to `update`, compatible or not. */
export function jsonSchemaDifferences(original: Schema, update: Schema): JsonIssue[] {
  const d = new Differ();
  d.compare(original, update, '#');
  return d.out;
}

/** The differences that stop `update` from accepting what `original` accepted (empty: it does). */
export function jsonIncompatibilities(original: Schema, update: Schema): JsonIssue[] {
  return jsonSchemaDifferences(original, update).filter((d) => !COMPATIBLE.has(d.rule));
}
