/** The keys behind each item, per platform: the conventions each platform's own apps follow. */
export interface Accelerators {
  newMessage: string;
  send: string;
  saveDraft: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  pastePlain: string;
  selectAll: string;
  findSent: string;
  settings: string;
  zoomIn: string;
  /** The unshifted key on most layouts; a hidden item carries it. */
  zoomInAlt: string;
  zoomOut: string;
  resetZoom: string;
  fullScreen: string;
  closeWindow: string;
  minimize: string;
  hide: string;
  hideOthers: string;
  quit: string | undefined;
}

export function acceleratorsFor(platform: string): Accelerators {
  const mac = platform === 'darwin';
  const windows = platform === 'win32';
  return {
    newMessage: 'CmdOrCtrl+N',
    // The composer's own Send shortcut; the page handles it first and prevents the default.
    send: 'CmdOrCtrl+Enter',
    saveDraft: 'CmdOrCtrl+S',
    undo: 'CmdOrCtrl+Z',
    redo: mac ? 'Shift+Cmd+Z' : windows ? 'Ctrl+Y' : 'Ctrl+Shift+Z',
    cut: 'CmdOrCtrl+X',
    copy: 'CmdOrCtrl+C',
    paste: 'CmdOrCtrl+V',
    pastePlain: mac ? 'Alt+Shift+Cmd+V' : 'Ctrl+Shift+V',
    selectAll: 'CmdOrCtrl+A',
    // Plain Find stays free for a find-in-message later.
    findSent: 'CmdOrCtrl+Shift+F',
    settings: 'CmdOrCtrl+,',
    zoomIn: 'CmdOrCtrl+Plus',
    zoomInAlt: 'CmdOrCtrl+=',
    zoomOut: 'CmdOrCtrl+-',
    resetZoom: 'CmdOrCtrl+0',
    fullScreen: mac ? 'Ctrl+Cmd+F' : 'F11',
    closeWindow: 'CmdOrCtrl+W',
    minimize: 'Cmd+M',
    hide: 'Cmd+H',
    hideOthers: 'Alt+Cmd+H',
    // Windows closes with Alt+F4, which the system handles; its Exit item shows no key.
    quit: mac ? 'Cmd+Q' : windows ? undefined : 'Ctrl+Q',
  };
}
