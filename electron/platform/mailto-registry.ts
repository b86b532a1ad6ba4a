import path from 'node:path';
import { app, shell } from 'electron';
import type { MailtoRegistry } from '../services/mail-client/mail-client-service.js';

/** A development run is `electron .`: the system must start Electron with the app's path. */
function launch(): { exe?: string; args?: string[] } {
  const appPath = process.argv[1];
  return process.defaultApp && appPath ? { exe: process.execPath, args: [path.resolve(appPath)] } : {};
}

/** Electron's handler registration for `mailto:` (Launch Services, the registry, xdg-settings). */
export function createMailtoRegistry(): MailtoRegistry {
  return {
    isDefault: () => {
      const { exe, args } = launch();
      return app.isDefaultProtocolClient('mailto', exe, args);
    },
    makeDefault: () => {
      const { exe, args } = launch();
      return app.setAsDefaultProtocolClient('mailto', exe, args);
    },
    // A fixed system URL, not one from the page, so it bypasses the renderer's link check on purpose.
    openSystemSettings: () => shell.openExternal('ms-settings:defaultapps'),
  };
}
