import type { Capabilities } from '../../../shared/capabilities.js';

const MB = 1024 * 1024;

/** What a provider can carry, as the short labels shown on its card, and what it cannot. */
export function capabilityLabels(capabilities: Capabilities): { can: string[]; cannot: string[] } {
  const can: string[] = [];
  const cannot: string[] = [];
  const add = (ok: boolean, label: string, missing: string) => (ok ? can : cannot).push(ok ? label : missing);
  add(capabilities.cc, 'Cc', 'No Cc');
  add(capabilities.bcc, 'Bcc', 'No Bcc');
  add(capabilities.textPart, 'Plain-text part', 'HTML only');
  add(
    capabilities.localAttachments,
    `Attachments up to ${Math.floor(capabilities.maxAttachmentBytes / MB)} MB`,
    'No attachments',
  );
  add(capabilities.replyTo, 'Reply-To', 'No Reply-To');
  add(capabilities.threading, 'Threads replies', 'Replies start new threads');
  add(capabilities.displayNames, 'Display names', 'Drops display names');
  add(capabilities.customFrom, 'Sends from your From address', 'Sends from its own sender address');
  switch (capabilities.idempotency) {
    case 'guaranteed':
      can.push('Safe automatic retries');
      break;
    case 'best_effort':
      // It usually stops a duplicate, but not always: an unknown outcome is left to the user.
      cannot.push('Duplicate protection is best effort: no automatic retry after a timeout');
      break;
    case 'none':
      cannot.push('No automatic retry after a timeout');
      break;
  }
  return { can, cannot };
}
