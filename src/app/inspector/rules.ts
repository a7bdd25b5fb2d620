// Inspector field rules: turn the text typed into a value and ask the model's inspector
// validation whether it may be written. A message comes back for the person typing, or null.
import type { AggregateElement, BoundedContextElement, PayloadField, StreamSettings } from '../../model';
import { validateContext, validateField, validateIdField, validateStream } from '../../model';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export function wholeNumber(text: string, what: string): Checked<number> {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) return { ok: false, message: `${what} must be a whole number` };
  return { ok: true, value: Number(t) };
}

export function streamProblem(stream: StreamSettings, key: keyof StreamSettings): string | null {
  return validateStream(stream)[key] ?? null;
}

export function idFieldProblem(element: AggregateElement, idField: string): string | null {
  return validateIdField(idField) ?? null;
}

export function fieldProblem(fields: readonly PayloadField[], index: number, field: PayloadField, key: keyof PayloadField): string | null {
  return validateField(field, fields.filter((_, i) => i !== index))[key] ?? null;
}

export function contextProblem(element: BoundedContextElement, patch: Partial<BoundedContextElement>, key: 'serviceName' | 'instances' | 'text'): string | null {
  return validateContext({ ...element, ...patch })[key] ?? null;
}
