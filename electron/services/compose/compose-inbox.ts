import { composeOpenFromMailto } from '../../../shared/compose-open.js';
import { MAX_ICON_FILES, type ComposeAttach } from '../../../shared/compose-attach.js';
import type { EditableMessage } from '../../../shared/editable-message.js';
import type { AddedFromPaths, AttachmentStore } from '../attachments/attachment-store.js';
import type { EventBus } from '../event-bus.js';

/** Requests held for a page that is not listening yet; more than this is a flood, not clicks. */
export const MAX_PENDING = 20;

const NOTICE_FAILED_LIMIT = 3;

/** The sentence for files dropped on the icon that were not attached; undefined when all were. */
export function attachNotice(failed: AddedFromPaths['failed'], more: number): string | undefined {
  const parts = failed.slice(0, NOTICE_FAILED_LIMIT).map((f) => f.message);
  const unsaid = failed.length - parts.length;
  if (unsaid > 0) parts.push(`${unsaid} more ${unsaid === 1 ? 'file' : 'files'} could not be read either.`);
  if (more > 0) parts.push(`${more} more ${more === 1 ? 'file was' : 'files were'} not attached: at most ${MAX_ICON_FILES} files can be dropped on the icon at once. Drop the others in a second time.`);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * Hands `mailto:` links and files dropped on the app's icon to the renderer. Either can arrive
 * before the window has loaded (the app was launched by the click or the drop), so they are
 * held until the page asks with `compose:pending`; after that they go out at once as
 * `compose:open` and `compose:attach` events.
 */
export interface ComposeInbox {
  /** A link from the command line, macOS `open-url`, a second instance or the harness. */
  openMailto(url: string): EditableMessage;
  /**
   * Files from macOS `open-file`, a second instance's argv or the harness: copied into the
   * attachment store and sent to the open composer. `more` counts files already left out.
   */
  attachFiles(paths: readonly string[], more?: number): Promise<ComposeAttach>;
  /** The page, subscribed to `compose:open` and `compose:attach`, takes what arrived before it listened. */
  takePending(): EditableMessage[];
  /** The page is loading again (reload, new window): hold requests until it asks. */
  pageUnloaded(): void;
}

export function createComposeInbox(bus: Pick<EventBus, 'emit'>, files: Pick<AttachmentStore, 'addFromPaths'>): ComposeInbox {
  let pending: EditableMessage[] = [];
  let held: ComposeAttach[] = [];
  let listening = false;
  return {
    openMailto(url) {
      const request = composeOpenFromMailto(url);
      if (listening) bus.emit('compose:open', request);
      else pending = [...pending, request].slice(-MAX_PENDING);
      return request;
    },
    async attachFiles(paths, more = 0) {
      const { added, failed } = await files.addFromPaths(paths.slice(0, MAX_ICON_FILES));
      const notice = attachNotice(failed, more + Math.max(0, paths.length - MAX_ICON_FILES));
      const payload: ComposeAttach = notice === undefined ? { attachments: added } : { attachments: added, notice };
      if (added.length === 0 && notice === undefined) return payload;
      if (listening) bus.emit('compose:attach', payload);
      else held = [...held, payload].slice(-MAX_PENDING);
      return payload;
    },
    takePending() {
      const taken = pending;
      pending = [];
      listening = true;
      // The page subscribed before asking and opens the links it takes before it attaches these.
      for (const payload of held.splice(0)) bus.emit('compose:attach', payload);
      return taken;
    },
    pageUnloaded() {
      listening = false;
    },
  };
}
