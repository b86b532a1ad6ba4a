/** One desktop notification: a short title and the sentence under it. */
export interface Notification {
  title: string;
  body: string;
}

/**
 * Shows desktop notifications. Electron's `Notification` sits behind this in
 * `electron/platform/notifier.ts`; the harness records what it is asked to show, and
 * tests pass their own.
 */
export interface Notifier {
  notify(notification: Notification): void;
}

/** For cores started without a desktop (unit tests that do not look at notifications). */
export const silentNotifier: Notifier = { notify: () => undefined };

/** Keeps every notification in order: the harness's notifier, read back through a test hook. */
export function createRecordingNotifier(): Notifier & { shown: Notification[] } {
  const shown: Notification[] = [];
  return { shown, notify: (notification) => void shown.push({ ...notification }) };
}
