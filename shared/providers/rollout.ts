import { z } from 'zod';
import type { ProviderEntry } from './entry.js';
import { required, timeoutMs, url } from './settings-fields.js';

export const rollout = {
  id: 'rollout',
  name: 'Rollout',
  summary: "Universal CRM's email messages. Sends HTML only, no Cc or Bcc.",
  link: { href: 'https://rollout.mintlify.app', text: 'Rollout documentation' },
  secretLabel: 'Bearer token (JWT)',
  secretHelp: 'The JWT your Rollout app signs for this user; sent as Authorization: Bearer.',
  fields: [
    { key: 'credentialId', label: 'Credential id', help: 'The id of the connected CRM credential; sent as X-Rollout-Credential-Id.' },
    { key: 'baseUrl', label: 'Base URL', help: 'Leave the default unless Rollout gave you another.', placeholder: 'https://crm.universal.rollout.com/api' },
  ],
  asksFrom: true,
  address: 'baseUrl',
  settings: z.object({ provider: z.literal('rollout'), baseUrl: url.default('https://crm.universal.rollout.com/api'), credentialId: required('credential id'), timeoutMs }),
  capabilities: {
    cc: false,
    bcc: false,
    textPart: false,
    localAttachments: false,
    maxAttachmentBytes: 0,
    replyTo: false,
    threading: true,
    idempotency: 'none',
    // The email message carries the CRM person and user it belongs to (`personId`, `userId`).
    crmLinks: 'person_user',
    displayNames: true,
    customFrom: true,
  },
  rules: {},
} satisfies ProviderEntry<'rollout'>;
