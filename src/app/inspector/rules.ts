// Inspector field rules: turn the text typed into a value and ask the model whether it may be
// written. Returns either the value or a message for the person typing.
import { streamSettingsSchema, elementSchema } from '../../model';
import type { BoardElement, StreamSettings } from '../../model';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export function wholeNumber(text: string, what: string): Checked<number> {
  const t = text.trim();
  if (!/^-?\d+$/.test(t)) return { ok: false, message: `${what} must be a whole number` };
  return { ok: true, value: Number(t) };
}

export function checkStream(stream: StreamSettings, key: keyof StreamSettings, label: string): string | null {
  const r = streamSettingsSchema.safeParse(stream);
  if (r.success) return null;
  const issue = r.error.issues.find((i) => i.path[0] === key) ?? r.error.issues[0];
  return issue ? `${label}: ${issue.message}` : null;
}

export function checkElement(element: BoardElement, label: string): string | null {
  const r = elementSchema.safeParse(element);
  if (r.success) return null;
  const issue = r.error.issues[0];
  return issue ? `${label}: ${issue.message}` : null;
}
