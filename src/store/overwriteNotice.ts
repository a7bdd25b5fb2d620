// Tells the person when a value they wrote was replaced by an edit made at the same moment in
// another tab (or by someone else): the document keeps one value by its merge rule, and
// without this the other vanished silently. "Keep mine" writes theirs back.
import { excerpt } from '../lib/excerpt';
import type { BoardDoc, FieldOverwrite } from '../model';
import type { Notice } from './uiStore';

const FIELD_NAMES: Record<string, string> = { text: 'text', description: 'description', fields: 'payload fields', idField: 'id field', stream: 'stream settings' };

export function overwriteNotice(doc: BoardDoc, overwritten: readonly FieldOverwrite[]): Notice | null {
  const first = overwritten[0];
  if (!first) return null;
  const sticky = doc.getBoard().elements.find((e) => e.id === first.id);
  if (!sticky) return null;
  const field = FIELD_NAMES[first.field] ?? first.field;
  const shown = (v: unknown) => (typeof v === 'string' ? excerpt(v, 40) : 'another value');
  const more = overwritten.length > 1 ? ` (and ${overwritten.length - 1} more field${overwritten.length > 2 ? 's' : ''})` : '';
  return {
    kind: 'error',
    message: `The ${field} of ${excerpt(sticky.text || 'a sticky', 40)} was changed in another tab at the same moment as here${more}: ${shown(first.kept)} was kept, yours was ${shown(first.lost)}.`,
    action: {
      label: 'Keep mine',
      run: () => {
        for (const o of overwritten) {
          try {
            doc.updateElement(o.id, { [o.field]: o.lost });
          } catch {
            // The sticky is gone or the old value no longer fits: nothing to restore.
          }
        }
      },
    },
  };
}
