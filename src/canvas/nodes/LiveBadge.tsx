// While the board's run goes (or is paused), a command, event, policy or read-model sticky shows
// its live rate and its group's lag in a small badge ("12/s · lag 3"), so the board itself shows
// where records flow and where they pile up. Re-renders only when its text changes.
import type { ElementId, ElementKind } from '../../model';
import { badgeText, impactText } from '../../store/badgeRates';
import { useBoardStore } from '../../store/boardStore';
import { useSimStore } from '../../store/simStore';

const WHAT: Partial<Record<ElementKind, string>> = {
  command: 'Commands of this type handled per simulated second (last 2 s); lag: records waiting for its handler’s consumer group.',
  event: 'Events of this type written per simulated second (last 2 s); lag: the most lagging consumer group that reads it.',
  policy: 'Events this policy’s consumer group handled per simulated second (last 2 s), and the group’s lag.',
  readModel: 'Events this read model’s projector handled per simulated second (last 2 s), and its consumer group’s lag.',
};

export function hasLiveBadge(kind: ElementKind): boolean {
  return WHAT[kind] !== undefined;
}

/** Zoomed out (zoom < 1), the badge keeps BADGE_SCREEN_PX on screen, as the compact name does. */
const BADGE_SCREEN_PX = 14;

export function LiveBadge({ id, kind, zoom = 1 }: { id: ElementId; kind: ElementKind; zoom?: number }) {
  const boardId = useBoardStore((s) => s.board?.id ?? null);
  const text = useSimStore((s) => {
    const state = s.snapshot?.state;
    if (s.runBoardId !== boardId || s.snapshot?.source !== 'board' || (state !== 'running' && state !== 'paused')) return null;
    return badgeText(s.badges?.[id]);
  });
  const impact = useSimStore((s) => (text ? impactText(s.badges?.[id]) : null));
  if (!text) return null;
  const shown = zoom < 1 ? text.replace(' · ', '\n') : text;
  const size = zoom < 1 ? { fontSize: `${BADGE_SCREEN_PX / zoom}px` } : undefined;
  const [impactLabel, cause] = impact ? impact.split('|') : [null, null];
  const recovered = impactLabel?.startsWith('was ') ?? false;
  return (
    <>
      <span className="sb-live" role="img" aria-label={`Live: ${text}`} title={`${text}\n${WHAT[kind]}`} style={size}>
        {shown}
      </span>
      {impactLabel ? (
        <>
          {recovered ? null : <span className="sb-impact-ring" aria-hidden="true" />}
          <span className={`sb-impact${recovered ? ' sb-impact-recovered' : ''}`} role="img" aria-label={`Impact: ${impactLabel}: ${cause}`} title={cause ?? undefined} style={size}>
            {impactLabel}
          </span>
        </>
      ) : null}
    </>
  );
}
