import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../../shared/capabilities.js';
import { capabilityLabels } from './capability-labels.js';

const all: Capabilities = {
  cc: true,
  bcc: true,
  textPart: true,
  localAttachments: true,
  maxAttachmentBytes: 25 * 1024 * 1024,
  replyTo: true,
  threading: true,
  idempotency: 'guaranteed',
  displayNames: true,
  customFrom: true,
};

describe('capability labels', () => {
  it('says what a provider can carry and, plainly, what it cannot', () => {
    expect(
      capabilityLabels({
        cc: false,
        bcc: false,
        textPart: false,
        localAttachments: false,
        maxAttachmentBytes: 0,
        replyTo: false,
        threading: true,
        idempotency: 'none',
        displayNames: false,
        customFrom: false,
      }),
    ).toEqual({
      can: ['Threads replies'],
      cannot: [
        'No Cc',
        'No Bcc',
        'HTML only',
        'No attachments',
        'No Reply-To',
        'Drops display names',
        'Sends from its own sender address',
        'No automatic retry after a timeout',
      ],
    });
  });

  it('gives the attachment limit in whole megabytes', () => {
    const { can, cannot } = capabilityLabels(all);
    expect(can).toContain('Attachments up to 25 MB');
    expect(can).toContain('Safe automatic retries');
    expect(can).toHaveLength(9);
    expect(cannot).toEqual([]);
  });

  it('does not promise safe retries when duplicate protection is only best effort', () => {
    const { can, cannot } = capabilityLabels({ ...all, idempotency: 'best_effort' });
    expect(can).not.toContain('Safe automatic retries');
    expect(cannot).toEqual(['Duplicate protection is best effort: no automatic retry after a timeout']);
  });
});
