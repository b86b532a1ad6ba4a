import { app, session, shell } from 'electron';
import { decideExternalLink, isInAppNavigation } from '../security/links.js';

/**
 * Electron's security checklist for every web contents the app creates: no navigation
 * away from the app, no new windows (https/mailto go to the system handler), no
 * <webview>, and every permission request denied.
 */
export function hardenWebContents(appOrigin: string): void {
  app.on('web-contents-created', (_event, contents) => {
    const keepInApp = (event: { preventDefault(): void }, url: string) => {
      if (isInAppNavigation(url, appOrigin)) return;
      event.preventDefault();
      if (decideExternalLink(url) === 'open-externally') void shell.openExternal(url);
    };
    contents.on('will-navigate', keepInApp);
    contents.on('will-redirect', keepInApp);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (decideExternalLink(url) === 'open-externally') void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
