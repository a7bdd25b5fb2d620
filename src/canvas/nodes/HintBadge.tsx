// A naming hint (not a block): a small badge on the sticky whose tooltip says what the
// EventStorming convention would expect, e.g. an event in the past tense.
export function HintBadge({ hint }: { hint: string | null }) {
  if (!hint) return null;
  return (
    <span className="sb-hint-badge" title={hint} aria-label={`Naming hint: ${hint}`} role="img">
      ?
    </span>
  );
}
