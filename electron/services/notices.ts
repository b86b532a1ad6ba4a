import type { Notice } from '../../shared/ipc.js';
import type { EventBus } from './event-bus.js';

/** The notices main has for the person, kept until dismissed; each change is announced. */
export interface NoticeBoard {
  list(): Notice[];
  post(notice: Notice): void;
  dismiss(id: string): Notice[];
}

export function createNoticeBoard(bus: EventBus): NoticeBoard {
  const notices = new Map<string, Notice>();
  const announce = () => bus.emit('notices:changed', [...notices.values()]);
  return {
    list: () => [...notices.values()],
    post(notice) {
      notices.set(notice.id, notice);
      announce();
    },
    dismiss(id) {
      if (notices.delete(id)) announce();
      return [...notices.values()];
    },
  };
}
