import type { Notice } from '../../../shared/ipc.js';
import { selectNotices, useAppStore } from './store.js';

export function NoticeList(props: { notices: Notice[]; onDismiss: (id: string) => void }) {
  if (props.notices.length === 0) return null;
  return (
    <ul className="notices" aria-label="Notices">
      {props.notices.map((notice) => (
        <li key={notice.id} className={`notice notice-${notice.level}`} role={notice.level === 'info' ? 'status' : 'alert'}>
          <span className="notice-text">{notice.text}</span>
          <button type="button" className="notice-dismiss" onClick={() => props.onDismiss(notice.id)} aria-label="Dismiss notice">
            Dismiss
          </button>
        </li>
      ))}
    </ul>
  );
}

export function NoticeBar() {
  const notices = useAppStore(selectNotices);
  const dismiss = useAppStore((state) => state.dismissNotice);
  return <NoticeList notices={notices} onDismiss={(id) => void dismiss(id)} />;
}
