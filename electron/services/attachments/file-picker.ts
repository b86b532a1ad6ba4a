/**
 * Asks the person for files to attach. Electron shows its native dialog
 * (electron/platform/file-picker.ts); the browser harness returns paths a spec queued.
 */
export interface FilePicker {
  /** Absolute paths of the chosen files; empty when the person cancels. */
  pickFiles(): Promise<string[]>;
}

/** For a core started without a dialog: every pick is a cancel. */
export const noFilePicker: FilePicker = { pickFiles: async () => [] };
