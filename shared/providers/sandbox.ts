import { z } from 'zod';
import type { ProviderEntry } from './entry.js';
import { timeoutMs } from './settings-fields.js';

export const sandbox = {
  id: 'sandbox',
  name: 'Sandbox',
  summary: 'Try Composer without a vendor account: messages are recorded on this computer, never sent.',
  link: null,
  secretLabel: null,
  secretHelp: '',
  fields: [],
  asksFrom: false,
  address: null,
  settings: z.object({ provider: z.literal('sandbox'), timeoutMs }),
  capabilities: {
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
  },
  rules: {},
} satisfies ProviderEntry<'sandbox'>;
