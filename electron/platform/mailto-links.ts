import { app } from 'electron';
import { mailtoFromArgv, mailtoFromSecondInstance } from '../desktop/mailto-argv.js';

export interface MailtoLinks {
  /** From now on links go to `deliver` (the held ones at once), and each arrival calls `focus`. */
  connect(handlers: { deliver(url: string): void; focus(): void }): void;
}

/**
 * Takes the single-instance lock and listens on every route a `mailto:` link takes: this
 * launch's argv, macOS `open-url` (which can fire before the app is ready, so it is wired
 * here, early) and a second launch's argv on Windows and Linux. Answers null when another
 * instance holds the lock: it has been handed this launch's link, and this one should quit.
 */
export function claimSingleInstance(): MailtoLinks | null {
  const launchLink = mailtoFromArgv(process.argv);
  if (!app.requestSingleInstanceLock(launchLink ? { mailto: launchLink } : {})) return null;
  const held: string[] = launchLink ? [launchLink] : [];
  let deliver: ((url: string) => void) | null = null;
  let focus: () => void = () => undefined;
  const receive = (url: string | null) => {
    if (url !== null) {
      if (deliver) deliver(url);
      else held.push(url);
    }
    focus();
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(url);
  });
  // A second launch focuses this window instead of quitting silently, link or not.
  app.on('second-instance', (_event, argv, _cwd, additionalData) => receive(mailtoFromSecondInstance(argv, additionalData)));
  return {
    connect(handlers) {
      deliver = handlers.deliver;
      focus = handlers.focus;
      for (const url of held.splice(0)) handlers.deliver(url);
    },
  };
}
