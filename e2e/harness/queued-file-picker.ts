import type { FilePicker } from '../../electron/services/attachments/file-picker.js';

/**
 * The harness's stand-in for the native dialog: answers with the paths of the files the page's
 * own file picker just uploaded (queued right before the pick they answer), or a cancel.
 */
export interface QueuedFilePicker extends FilePicker {
  /** The next pick answers these paths (an empty list plays a cancel). */
  queue(paths: string[]): void;
}

export function createQueuedFilePicker(): QueuedFilePicker {
  const queued: string[][] = [];
  return {
    queue: (paths) => void queued.push([...paths]),
    pickFiles: async () => queued.shift() ?? [],
  };
}
