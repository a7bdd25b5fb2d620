// The one place messages reach the user: errors in role="alert" (a refused import says what
// is wrong), information in role="status" (a refused connection says the usual flow).
import { useEffect } from 'react';
import { useUiStore } from '../store/uiStore';

const INFO_VISIBLE_MS = 6000;

export function NoticeBar() {
  const notice = useUiStore((s) => s.notice);
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const t = setTimeout(() => {
      if (useUiStore.getState().notice === notice) useUiStore.getState().notify(null);
    }, INFO_VISIBLE_MS);
    return () => clearTimeout(t);
  }, [notice]);
  if (!notice) return <div className="sb-notice-slot" role="status" aria-live="polite" />;
  return (
    <div className={`sb-notice sb-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.message}</span>
      {notice.action ? (
        <button
          type="button"
          className="sb-button sb-small"
          onClick={() => {
            useUiStore.getState().notify(null);
            notice.action!.run();
          }}
        >
          {notice.action.label}
        </button>
      ) : null}
      <button type="button" className="sb-button sb-icon" aria-label="Dismiss message" onClick={() => useUiStore.getState().notify(null)}>
        ×
      </button>
    </div>
  );
}
