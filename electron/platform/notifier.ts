import { Notification } from 'electron';
import type { Notifier } from '../services/notifier.js';

/** Desktop notifications through Electron; silent where the system has none. */
export function createElectronNotifier(): Notifier {
  return {
    notify({ title, body }) {
      if (!Notification.isSupported()) return;
      new Notification({ title, body, silent: false }).show();
    },
  };
}
