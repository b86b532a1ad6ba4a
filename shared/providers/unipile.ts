import { z } from 'zod';
import type { ProviderEntry } from './entry.js';
import { dsn, required, timeoutMs } from './settings-fields.js';

export const unipile = {
  id: 'unipile',
  name: 'Unipile',
  summary: 'Sends through a mailbox connected to Unipile, with attachments up to 25 MB.',
  link: { href: 'https://dashboard.unipile.com', text: 'Unipile dashboard' },
  secretLabel: 'API key',
  secretHelp: 'An access token from the Unipile dashboard; sent as X-API-KEY.',
  fields: [
    { key: 'baseUrl', label: 'DSN', help: 'Your own API address, shown on the dashboard: subdomain and port.', placeholder: 'api1.unipile.com:13111' },
    { key: 'accountId', label: 'Unipile account id', help: "Unipile's id of the connected mailbox (Accounts page of the dashboard)." },
  ],
  asksFrom: true,
  address: 'baseUrl',
  settings: z.object({ provider: z.literal('unipile'), baseUrl: dsn, accountId: required('Unipile account id'), timeoutMs }),
  capabilities: {
    cc: true,
    bcc: true,
    textPart: false,
    localAttachments: true,
    // Our choice: the vendor page gives no limit, and the mailboxes Unipile relays to
    // (Gmail, Outlook, IMAP hosts) mostly refuse messages near 25 MB.
    maxAttachmentBytes: 25 * 1024 * 1024,
    // Carried as a `Reply-To` entry of `custom_headers`, which the vendor allows by name.
    replyTo: true,
    threading: true,
    // The vendor keeps keys up to 24 h but loses them on restarts and maintenance: it prevents
    // most duplicates, not all, so an unknown outcome is repeated only within seconds (retry-policy.ts).
    idempotency: 'best_effort',
    displayNames: true,
    customFrom: true,
    // `tracking_options`: opens and link clicks, off unless the person turns them on.
    tracking: true,
  },
  rules: {
    pace: {
      perMinute: 10,
      perDay: 500,
      source: 'Unipile: a Gmail mailbox sends up to 500 a day (Workspace up to 2,000), and far fewer are advised from a person’s mailbox.',
    },
  },
} satisfies ProviderEntry<'unipile'>;
