import { app } from 'electron';
import { filesFromArgv } from '../desktop/files-argv.js';

export interface IconFiles {
  /** From now on files go to `deliver` (the held ones at once); macOS drops also call `focus`. */
  connect(handlers: { deliver(paths: string[], more: number): void; focus(): void }): void;
}

/**
 * Listens for files dropped on the dock or taskbar icon: macOS `open-file` (which can fire
 * before the app is ready when the drop launched it, so it is wired early), this launch's
 * argv and a second launch's argv on Windows and Linux (mailto-links.ts focuses the window
 * for that one).
 */
export function listenForIconFiles(): IconFiles {
  const launch = filesFromArgv(process.argv, { cwd: process.cwd(), appPath: app.getAppPath() });
  const held: { paths: string[]; more: number }[] = launch.paths.length > 0 ? [launch] : [];
  let deliver: ((paths: string[], more: number) => void) | null = null;
  let focus: () => void = () => undefined;
  const receive = (paths: string[], more: number) => {
    if (paths.length === 0 && more === 0) return;
    if (deliver) deliver(paths, more);
    else held.push({ paths, more });
  };
  app.on('open-file', (event, file) => {
    event.preventDefault();
    receive([file], 0);
    focus();
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const { paths, more } = filesFromArgv(argv, { cwd: workingDirectory, appPath: app.getAppPath() });
    receive(paths, more);
  });
  return {
    connect(handlers) {
      deliver = handlers.deliver;
      focus = handlers.focus;
      for (const { paths, more } of held.splice(0)) handlers.deliver(paths, more);
    },
  };
}
