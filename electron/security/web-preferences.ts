/**
 * The main window's webPreferences, kept as plain data so a test can hold them to
 * Electron's security checklist without the Electron binary.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    // Middle-click would open links in new windows around setWindowOpenHandler.
    disableBlinkFeatures: 'Auxclick',
  } as const;
}
