import { composeOpenFromMailto, type ComposeOpen } from '../../../shared/compose-open.js';
import type { EventBus } from '../event-bus.js';

/** Requests held for a page that is not listening yet; more than this is a flood, not clicks. */
export const MAX_PENDING = 20;

/**
 * Hands `mailto:` links to the renderer. A link can arrive before the window has loaded (the
 * app was launched by clicking it), so requests are held until the page asks with
 * `compose:pending`; after that they go out at once as `compose:open` events.
 */
export interface ComposeInbox {
  /** A link from the command line, macOS `open-url`, a second instance or the harness. */
  openMailto(url: string): ComposeOpen;
  /** The page, subscribed to `compose:open`, takes what arrived before it listened. */
  takePending(): ComposeOpen[];
  /** The page is loading again (reload, new window): hold requests until it asks. */
  pageUnloaded(): void;
}

export function createComposeInbox(bus: Pick<EventBus, 'emit'>): ComposeInbox {
  let pending: ComposeOpen[] = [];
  let listening = false;
  return {
    openMailto(url) {
      const request = composeOpenFromMailto(url);
      if (listening) bus.emit('compose:open', request);
      else pending = [...pending, request].slice(-MAX_PENDING);
      return request;
    },
    takePending() {
      const taken = pending;
      pending = [];
      listening = true;
      return taken;
    },
    pageUnloaded() {
      listening = false;
    },
  };
}
