import type { MailerApi } from '../../shared/ipc.js';

declare global {
  interface Window {
    /** Provided by the preload in Electron and by the harness bridge in a browser. */
    readonly mailer?: MailerApi;
  }
}

/** The one way the renderer reaches main; stores call it, components never do. */
export function bridge(): MailerApi {
  const mailer = window.mailer;
  if (!mailer) throw new Error('The app bridge is missing: the window was not opened by Composer.');
  return mailer;
}
