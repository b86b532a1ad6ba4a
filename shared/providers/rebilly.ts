import { z } from 'zod';
import type { ProviderEntry } from './entry.js';
import { required, timeoutMs, url } from './settings-fields.js';

/** Rebilly's two environments; the form offers these instead of a free base URL. */
export const rebillyBaseUrls = { live: 'https://api.rebilly.com', sandbox: 'https://api-sandbox.rebilly.com' } as const;

export const rebilly = {
  id: 'rebilly',
  name: 'Rebilly',
  summary: 'Email messages sent from your organization. Needs both HTML and text (Composer makes both).',
  link: { href: 'https://app.rebilly.com', text: 'Rebilly app: Developers, API keys' },
  secretLabel: 'Secret API key',
  secretHelp: 'A secret key from the API keys page; sent as REB-APIKEY. Keys for live and sandbox differ.',
  fields: [
    {
      key: 'baseUrl',
      label: 'Environment',
      help: '',
      choices: [
        { label: 'Live', value: rebillyBaseUrls.live },
        { label: 'Sandbox', value: rebillyBaseUrls.sandbox },
      ],
    },
    { key: 'organizationId', label: 'Organization id', help: 'Shown in the Rebilly app under your organization settings.' },
    { key: 'credentialHash', label: 'ESP credential hash', help: 'Which email credential Rebilly sends with; leave empty for its default.', optional: true },
  ],
  asksFrom: true,
  address: 'baseUrl',
  settings: z.object({
    provider: z.literal('rebilly'),
    baseUrl: url.default(rebillyBaseUrls.live),
    organizationId: required('organization id'),
    credentialHash: z.string().trim().min(1).max(500, 'The credential hash is too long.').optional(),
    timeoutMs,
  }),
  capabilities: {
    cc: true,
    bcc: true,
    textPart: true,
    // Rebilly's attachments are references to objects already stored in Rebilly, not files.
    localAttachments: false,
    maxAttachmentBytes: 0,
    replyTo: false,
    threading: false,
    idempotency: 'none',
    // `from`, `to`, `cc` and `bcc` are bare addresses: the names beside them have nowhere to go.
    displayNames: false,
    customFrom: true,
  },
  rules: {},
} satisfies ProviderEntry<'rebilly'>;
