import { BrowserWindow, dialog } from 'electron';
import type { FilePicker } from '../services/attachments/file-picker.js';

/** The native open dialog, attached to the focused window so it is modal to the composer. */
export function createDialogFilePicker(): FilePicker {
  return {
    async pickFiles() {
      const options: Electron.OpenDialogOptions = { title: 'Attach files', properties: ['openFile', 'multiSelections'] };
      const parent = BrowserWindow.getFocusedWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
  };
}
