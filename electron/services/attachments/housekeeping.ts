import type { Storage } from '../storage/database.js';
import type { AttachmentStore } from './attachment-store.js';

/**
 * The start-up clean-up of attachment copies, run only against a database that opened healthy.
 * When this start set an unreadable database aside, the fresh one references nothing, yet the
 * kept one still points at every copy: they are all marked as kept for it, and nothing is swept.
 */
export async function startupHousekeeping(storage: Pick<Storage, 'setAsideAs'>, attachments: Pick<AttachmentStore, 'sweep' | 'keepFilesFor'>): Promise<void> {
  if (storage.setAsideAs) {
    await attachments.keepFilesFor(storage.setAsideAs);
    return;
  }
  await attachments.sweep();
}
