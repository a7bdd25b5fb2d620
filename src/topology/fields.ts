// Payload fields → FieldSpecs with names that are safe everywhere the export writes them
// (TS property, JSON Schema property, Avro field), unique within their message.
import type { ElementId, PayloadField } from '../model';
import { camelName, NameScope, symbolName } from './naming';
import type { FieldSpec, Problem } from './types';

export const DEFAULT_DECIMAL_PRECISION = 18;
export const DEFAULT_DECIMAL_SCALE = 2;

export interface CompiledFields {
  fields: FieldSpec[];
  /** Safe name of each field by its label (the name typed on the board, trimmed). */
  byLabel: Map<string, string>;
}

export function compileFields(
  fields: readonly PayloadField[],
  owner: { id: ElementId; text: string; what: string },
  problems: Problem[],
): CompiledFields {
  const scope = new NameScope();
  const byLabel = new Map<string, string>();
  const specs = fields.map((f): FieldSpec => {
    const label = f.name.trim();
    const base = camelName(label, 'field');
    const name = scope.claim(base);
    if (name !== base && label.length > 0) {
      problems.push({
        severity: 'warning',
        code: 'field-name-collision',
        message: `${owner.what} '${owner.text}' has two fields that read as '${base}'; the field '${label}' is exported as '${name}'. Rename one of them.`,
        elementIds: [owner.id],
      });
    }
    if (!byLabel.has(label)) byLabel.set(label, name);
    const spec: FieldSpec = { name, label, type: f.type, optional: f.optional, doc: f.doc };
    const aliases = (f.aliases ?? []).map((a) => camelName(a.trim(), 'field')).filter((a, k, all) => a !== name && all.indexOf(a) === k);
    if (aliases.length > 0) spec.aliases = aliases;
    if (f.type === 'enum') {
      const symbolScope = new NameScope();
      const symbols = (f.symbols ?? []).map((s) => symbolScope.claim(symbolName(s), '_'));
      if (symbols.length === 0) {
        problems.push({
          severity: 'error',
          code: 'enum-without-symbols',
          message: `${owner.what} '${owner.text}': the enum field '${label}' has no symbols. Add at least one allowed value.`,
          elementIds: [owner.id],
        });
        symbols.push('UNKNOWN');
      }
      spec.symbols = symbols;
    }
    if (f.type === 'decimal') {
      const precision = Number.isInteger(f.precision) && f.precision! >= 1 ? Math.min(f.precision!, 76) : DEFAULT_DECIMAL_PRECISION;
      const wanted = Number.isInteger(f.scale) && f.scale! >= 0 ? f.scale! : DEFAULT_DECIMAL_SCALE;
      if ((f.precision !== undefined && precision !== f.precision) || wanted > precision) {
        problems.push({
          severity: 'warning',
          code: 'decimal-precision',
          message: `${owner.what} '${owner.text}': the decimal field '${label}' needs 1 ≤ precision ≤ 76 and 0 ≤ scale ≤ precision; exported as decimal(${precision}, ${Math.min(wanted, precision)}).`,
          elementIds: [owner.id],
        });
      }
      spec.precision = precision;
      spec.scale = Math.min(wanted, precision);
    }
    return spec;
  });
  return { fields: specs, byLabel };
}
