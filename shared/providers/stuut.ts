import { z } from 'zod';
import type { ProviderEntry } from './entry.js';
import { timeoutMs, url } from './settings-fields.js';

export const stuut = {
  id: 'stuut',
  name: 'Stuut',
  summary: 'Sends from a Stuut email sender; replies thread by parent email.',
  link: { href: 'https://stuut.ai', text: 'Stuut settings' },
  secretLabel: 'Bearer token',
  secretHelp: 'Your Stuut API token; sent as Authorization: Bearer.',
  fields: [
    { key: 'emailSender', label: 'Email sender id', help: 'The sender to send as; its id starts with sndr_.', placeholder: 'sndr_…' },
    { key: 'baseUrl', label: 'Base URL', help: 'Leave the default unless Stuut gave you another.', placeholder: 'https://api.stuut.ai' },
  ],
  asksFrom: true,
  address: 'baseUrl',
  settings: z.object({
    provider: z.literal('stuut'),
    baseUrl: url.default('https://api.stuut.ai'),
    emailSender: z.string().trim().regex(/^sndr_\S+$/, 'Enter the email sender id: it starts with sndr_.').max(500),
    timeoutMs,
  }),
  capabilities: {
    cc: true,
    bcc: true,
    textPart: false,
    localAttachments: false,
    maxAttachmentBytes: 0,
    replyTo: true,
    threading: true,
    idempotency: 'none',
    // Bare addresses only, and the email leaves from the account's Stuut sender (sndr_…),
    // whatever the identity's From says.
    displayNames: false,
    customFrom: false,
  },
  rules: {},
} satisfies ProviderEntry<'stuut'>;
