import type { ComposeAttach } from '../../../../shared/compose-attach.js';
import { bridge } from '../../../lib/bridge.js';
import { withAttachments, withEmptyFileAnswer, withIconFiles, type ComposerState } from '../composer-state.js';

/** The composer store's actions on the message's files; each reaches main for the copies. */
export interface AttachmentActions {
  pickAttachments(): Promise<void>;
  importFiles(files: File[]): Promise<void>;
  removeAttachment(token: string): void;
  /** Attaches an empty file after all, or lets its copy go. */
  answerEmptyFile(token: string, attach: boolean): Promise<void>;
  /** Attaches files main copied (dropped on the app's icon); with a `refusal` their copies are let go. */
  attach(payload: ComposeAttach, refusal: string | null): Promise<void>;
}

type SetComposer = (update: Partial<ComposerState> | ((state: ComposerState) => Partial<ComposerState>)) => void;

const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

export function attachmentActions(set: SetComposer): AttachmentActions {
  return {
    async pickAttachments() {
      // Heard only while this pick lasts: a large file chosen in the browser shows how much has arrived.
      const stop = bridge().on('attachments:progress', (arriving) => set({ arriving }));
      try {
        const result = await bridge().attachments.pick();
        if (result.ok) set((state) => withAttachments(state, result.value));
        else set({ remark: result.error.message });
      } finally {
        stop();
        set({ arriving: null });
      }
    },
    async importFiles(files) {
      for (const file of files) {
        if (file.size > MAX_IMPORT_BYTES) {
          set({ remark: `“${file.name}” is larger than 25 MB and was not attached.` });
          continue;
        }
        const result = await bridge().attachments.import({ filename: file.name || 'pasted-file', mimeType: file.type || 'application/octet-stream', dataBase64: await fileToBase64(file) });
        if (result.ok) set((state) => withAttachments(state, [result.value]));
        else set({ remark: `“${file.name}” could not be attached: ${result.error.message}` });
      }
    },
    async answerEmptyFile(token, attach) {
      set((state) => withEmptyFileAnswer(state, token, attach));
      if (!attach) await bridge().attachments.discard({ tokens: [token] });
    },
    removeAttachment(token) {
      set((state) => ({ attachments: state.attachments.filter((a) => a.token !== token) }));
    },
    async attach(payload, refusal) {
      set((state) => withIconFiles(state, payload, refusal));
      const tokens = payload.attachments.map((a) => a.token);
      if (refusal && tokens.length > 0) await bridge().attachments.discard({ tokens });
    },
  };
}
