import { app } from 'electron';

/** What the About item (role 'about') shows: product name, version and copyright. */
export function setAboutPanel(): void {
  app.setAboutPanelOptions({
    applicationName: app.getName(),
    applicationVersion: app.getVersion(),
    // macOS shows the build in brackets after the version; the same number would be noise.
    version: '',
    copyright: 'A desktop email composer that sends through vendor APIs.',
  });
}
