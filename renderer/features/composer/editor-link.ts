/**
 * What the mounted composer lends the store while its editor exists: the draft's saving and
 * the Send button's path. The store holds it (state, not a module variable), so its actions
 * reach the editor without importing the code that owns it.
 */
export interface EditorLink {
  /** Saves what is unsaved now; resolves once it is on disk (or the save failed and will retry). */
  flush(): Promise<void>;
  /** Schedules a save as if the person had typed (a mailto: link's message is kept as a draft too). */
  touch(): void;
  /** After a conflict: keeps this window's text as a new draft beside the other window's. */
  saveAsCopy(): Promise<void>;
  /** Nothing written: no recipient, subject, file or text of the person's own. */
  isBlank(): boolean;
  /** Sends exactly as the Send button does: the same checks and questions. */
  send(): void;
}

/** The editor's draft saving, as draft-sync offers it; the composer adds its Send. */
export type DraftLink = Omit<EditorLink, 'send'>;
