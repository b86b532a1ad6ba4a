import { BrowserWindow, ipcMain } from 'electron';
import { channelNames } from '../../shared/ipc.js';
import type { Core } from '../core.js';

/** Connects the contract's channels to the dispatcher and forwards main's events to windows. */
export function bindIpc(core: Core): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown) => {
      const frame = event.senderFrame;
      return core.dispatch(channel, input, {
        url: frame?.url ?? '',
        isTopFrame: frame !== null && frame === event.sender.mainFrame,
      });
    });
  }
  core.bus.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
  });
}
