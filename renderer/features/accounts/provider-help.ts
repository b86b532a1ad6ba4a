import type { ProviderId } from '../../../shared/accounts.js';

/** The form's text inputs; settings keys keep the schema's names so errors map back by path. */
export type FieldKey =
  | 'label'
  | 'fromName'
  | 'fromEmail'
  | 'secret'
  | 'baseUrl'
  | 'credentialId'
  | 'organizationId'
  | 'credentialHash'
  | 'emailSender'
  | 'accountId'
  | 'endpointUrl'
  | 'timeoutSeconds';

export interface FieldHelp {
  key: FieldKey;
  label: string;
  help: string;
  placeholder?: string;
  optional?: boolean;
}

export interface ProviderHelp {
  id: ProviderId;
  name: string;
  summary: string;
  /** Where the vendor shows the values this form asks for. */
  link: { href: string; text: string } | null;
  secretLabel: string | null;
  secretHelp: string;
  /** Settings fields in the order the form shows them (label, from and timeout are common). */
  fields: FieldHelp[];
  /** Whether the form asks for a from name and address (the sandbox needs nothing but a name). */
  asksFrom: boolean;
}

const baseUrl = (example: string, help: string): FieldHelp => ({ key: 'baseUrl', label: 'Base URL', help, placeholder: example });

/** Short help drawn from the vendors' documentation (see CONTRACTS.md beside the repository). */
export const providerHelp: Record<ProviderId, ProviderHelp> = {
  rollout: {
    id: 'rollout',
    name: 'Rollout',
    summary: "Universal CRM's email messages. Sends HTML only, no Cc or Bcc.",
    link: { href: 'https://rollout.mintlify.app', text: 'Rollout documentation' },
    secretLabel: 'Bearer token (JWT)',
    secretHelp: 'The JWT your Rollout app signs for this user; sent as Authorization: Bearer.',
    fields: [
      { key: 'credentialId', label: 'Credential id', help: 'The id of the connected CRM credential; sent as X-Rollout-Credential-Id.' },
      baseUrl('https://crm.universal.rollout.com/api', 'Leave the default unless Rollout gave you another.'),
    ],
    asksFrom: true,
  },
  rebilly: {
    id: 'rebilly',
    name: 'Rebilly',
    summary: 'Email messages sent from your organization. Needs both HTML and text (Composer makes both).',
    link: { href: 'https://app.rebilly.com', text: 'Rebilly app: Developers, API keys' },
    secretLabel: 'Secret API key',
    secretHelp: 'A secret key from the API keys page; sent as REB-APIKEY. Keys for live and sandbox differ.',
    fields: [
      { key: 'organizationId', label: 'Organization id', help: 'Shown in the Rebilly app under your organization settings.' },
      { key: 'credentialHash', label: 'ESP credential hash', help: 'Which email credential Rebilly sends with; leave empty for its default.', optional: true },
    ],
    asksFrom: true,
  },
  stuut: {
    id: 'stuut',
    name: 'Stuut',
    summary: 'Sends from a Stuut email sender; replies thread by parent email.',
    link: { href: 'https://stuut.ai', text: 'Stuut settings' },
    secretLabel: 'Bearer token',
    secretHelp: 'Your Stuut API token; sent as Authorization: Bearer.',
    fields: [
      { key: 'emailSender', label: 'Email sender id', help: 'The sender to send as; its id starts with sndr_.', placeholder: 'sndr_…' },
      baseUrl('https://api.stuut.ai', 'Leave the default unless Stuut gave you another.'),
    ],
    asksFrom: true,
  },
  unipile: {
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
  },
  'crm-gateway': {
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
  },
  sandbox: {
    id: 'sandbox',
    name: 'Sandbox',
    summary: 'Try Composer without a vendor account: messages are recorded on this computer, never sent.',
    link: null,
    secretLabel: null,
    secretHelp: '',
    fields: [],
    asksFrom: false,
  },
};

export const providerOrder: ProviderId[] = ['rollout', 'rebilly', 'stuut', 'unipile', 'crm-gateway', 'sandbox'];
