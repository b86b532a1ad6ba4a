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
  add(capabilities.idempotency, 'Safe automatic retries', 'No automatic retry after a timeout');
  return { can, cannot };
}
