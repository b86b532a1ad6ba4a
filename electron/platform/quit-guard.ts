import { app, BrowserWindow, dialog } from 'electron';
import { guardQuit, type PendingWork, type QuitQuestion } from '../desktop/quit-guard.js';

async function ask(question: QuitQuestion): Promise<boolean> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const options = {
    type: 'warning' as const,
    message: question.message,
    detail: question.detail,
    buttons: [question.stayLabel, question.quitLabel],
    // Enter and Escape both keep the app open: quitting with messages pending takes a deliberate click.
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 1;
}

/**
 * Asks before quitting when messages are waiting or in flight. `reopen` brings a window back when the person chose to stay after closing the
 * last one (Windows and Linux quit then), so the app is never left running unseen.
 */
export function installQuitGuard(work: () => PendingWork, reopen: () => void): void {
  let approved = false;
  let guarding = false;
  app.on('before-quit', (event) => {
    if (approved) return;
    event.preventDefault();
    // A second Cmd+Q while the question is open must not stack a second question.
    if (guarding) return;
    guarding = true;
    void guardQuit(work(), ask)
      .catch(() => true)
      .then((quit) => {
        guarding = false;
        if (!quit) {
          if (BrowserWindow.getAllWindows().length === 0) reopen();
          return;
        }
        approved = true;
        app.quit();
      });
  });
}
