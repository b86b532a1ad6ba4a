import { describe, expect, it } from 'vitest';
import { capabilityLabels } from './capability-labels.js';

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
        idempotency: false,
      }),
    ).toEqual({
      can: ['Threads replies'],
      cannot: ['No Cc', 'No Bcc', 'HTML only', 'No attachments', 'No Reply-To', 'No automatic retry after a timeout'],
    });
  });

  it('gives the attachment limit in whole megabytes', () => {
    const { can } = capabilityLabels({
      cc: true,
      bcc: true,
      textPart: true,
      localAttachments: true,
      maxAttachmentBytes: 25 * 1024 * 1024,
      replyTo: true,
      threading: true,
      idempotency: true,
    });
    expect(can).toContain('Attachments up to 25 MB');
    expect(can).toHaveLength(7);
  });
});
