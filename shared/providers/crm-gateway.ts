import { z } from 'zod';
import type { ProviderEntry } from './entry.js';
import { timeoutMs, url } from './settings-fields.js';

/** The gateway's page advises warning above this many characters of subject. */
const SUBJECT_ADVICE = 150;

export const crmGateway = {
  id: 'crm-gateway',
  name: 'CRM gateway',
  summary: "Sends through your workspace's connected Gmail or Office 365 mailbox.",
  link: { href: 'https://leadlex.com', text: 'Workspace settings, API keys' },
  secretLabel: 'API key',
  secretHelp: 'A workspace key (wbk_…) with the write:email permission; sent as a Bearer token.',
  fields: [
    {
      key: 'endpointUrl',
      label: 'Endpoint URL',
      help: 'The full send address of your gateway.',
      placeholder: 'https://data.leadlex.com/functions/v1/api-gateway/v1/email/send',
    },
  ],
  asksFrom: true,
  address: 'endpointUrl',
  settings: z.object({ provider: z.literal('crm-gateway'), endpointUrl: url, timeoutMs }),
  capabilities: {
    cc: true,
    bcc: true,
    textPart: true,
    localAttachments: true,
    // The vendor page states no attachment limit. 25 MiB is our choice: the common ceiling of the
    // Gmail and Office 365 mailboxes the gateway sends through, and base64 in JSON already makes
    // that a ~34 MB request.
    maxAttachmentBytes: 25 * 1024 * 1024,
    replyTo: true,
    threading: true,
    // The gateway replays its first answer for a key for 24 h.
    idempotency: 'guaranteed',
    // `contact_id` and `deal_id` log the email to a contact's timeline and a deal.
    crmLinks: 'contact_deal',
    displayNames: true,
    // It always sends as the workspace's connected Gmail / Office 365 mailbox.
    customFrom: false,
  },
  rules: {
    subjectAdvice: { over: SUBJECT_ADVICE, sentence: `The subject is over ${SUBJECT_ADVICE} characters; the gateway advises shorter subjects, some mailboxes cut them.` },
    pace: {
      perMinute: 30,
      perDay: 1_000,
      source: 'The gateway caps sends per second and per day (X-RateLimit-Limit; 1,000 a day in its example), resetting at midnight UTC.',
    },
  },
} satisfies ProviderEntry<'crm-gateway'>;
