import { useNoticesStore } from '../stores/notices-store';

/** Outcomes of writes whose dialog has closed. Errors are alerts and stay until dismissed. */
export function Notices() {
  const notices = useNoticesStore((state) => state.notices);
  const dismiss = useNoticesStore((state) => state.dismiss);
  return (
    <div className="notices" role="status">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : undefined}
        >
          <p>{notice.text}</p>
          <button type="button" className="button button-quiet button-small" onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
