import type { AccountView, ProviderId } from '../../../shared/accounts.js';
import { formatAddress } from '../../../shared/address.js';
import type { SubmitMessage } from '../../../shared/message.js';
import type { OutgoingAttachment, OutgoingMessage } from '../../../shared/outgoing.js';
import type { Provider, SendAccount } from '../../providers/types.js';

/** What sending needs from the other services, passed in so it runs anywhere. */
export interface DeliveryDeps {
  resolveAccount(id: string): Promise<{ account: AccountView; secret: string }>;
  openAttachment(token: string): Promise<OutgoingAttachment>;
  providers: Record<ProviderId, Provider>;
}

/** One message ready to go: the provider, the vendor-neutral message and the account with its secret. */
export interface Delivery {
  provider: Provider;
  message: OutgoingMessage;
  account: SendAccount;
  /** "through Sandbox (Personal), from Ann <ann@example.com>" */
  how: string;
}

/** "Bea Lee", "Bea Lee and 2 others", "nobody". */
export function describeRecipients(message: Pick<SubmitMessage, 'to' | 'cc' | 'bcc'>): string {
  const all = [...message.to, ...message.cc, ...message.bcc];
  const first = all[0];
  if (!first) return 'nobody';
  const name = first.name ?? first.email;
  return all.length === 1 ? name : `${name} and ${all.length - 1} other${all.length === 2 ? '' : 's'}`;
}

/**
 * "through Rollout (Sales CRM), from Ann Lee <ann@x.example>": each name said once, so a
 * sandbox account called Sandbox whose sender is Sandbox reads "through Sandbox, from sandbox@…".
 */
export function describeRoute(provider: Pick<Provider, 'displayName'>, account: Pick<AccountView, 'label' | 'from'>): string {
  const said = new Set([provider.displayName.trim().toLowerCase()]);
  const label = account.label.trim();
  const labelPart = said.has(label.toLowerCase()) ? '' : ` (${label})`;
  said.add(label.toLowerCase());
  const name = account.from.name?.trim();
  const from = name && !said.has(name.toLowerCase()) ? formatAddress(account.from) : account.from.email;
  return `through ${provider.displayName}${labelPart}, from ${from}`;
}

/** The canonical message a provider maps, from the frozen copy the outbox keeps. */
export function toOutgoing(
  message: SubmitMessage,
  from: AccountView['from'],
  attachments: OutgoingAttachment[],
  idempotencyKey: string,
): OutgoingMessage {
  return {
    from,
    to: message.to,
    cc: message.cc,
    bcc: message.bcc,
    subject: message.subject,
    html: message.html,
    text: message.text,
    attachments,
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
    ...(message.crm ? { crm: message.crm } : {}),
    ...(message.tracking ? { tracking: message.tracking } : {}),
    idempotencyKey,
  };
}

/**
 * Resolves the account (and its secret) and checks the stored attachment copies just before
 * an attempt, so a key fixed in Accounts after a 401 is the one the retry uses. The provider
 * gets each copy as an opener, never its path. Throws the accounts' or attachments'
 * ServiceError with its sentence when either cannot be had.
 */
export async function prepareDelivery(deps: DeliveryDeps, message: SubmitMessage, idempotencyKey: string): Promise<Delivery> {
  const { account, secret } = await deps.resolveAccount(message.accountId);
  const provider = deps.providers[account.settings.provider];
  const attachments = await Promise.all(message.attachments.map((ref) => deps.openAttachment(ref.token)));
  return {
    provider,
    message: toOutgoing(message, account.from, attachments, idempotencyKey),
    account: { id: account.id, settings: account.settings, secret },
    how: describeRoute(provider, account),
  };
}
