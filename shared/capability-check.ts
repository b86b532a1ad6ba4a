import type { Capabilities } from './capabilities.js';

/** A problem with one part of a message, said so the person knows what to change. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Only what the capability check reads, so the composer can ask before a message exists. */
export interface CheckedParts {
  cc: readonly unknown[];
  bcc: readonly unknown[];
  replyTo?: unknown;
  attachments: readonly { size: number }[];
  crm?: Record<string, unknown> | undefined;
  tracking?: { opens: boolean; links: boolean } | undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** A part of a message a provider may be unable to carry. */
export type CarriedPart = 'cc' | 'bcc' | 'replyTo' | 'attachments' | 'crm' | 'tracking';

const CANNOT: Record<CarriedPart, string> = {
  cc: 'cannot send Cc recipients.',
  bcc: 'cannot send Bcc recipients.',
  replyTo: 'cannot set a Reply-To address.',
  attachments: 'cannot send attached files.',
  crm: 'cannot log an email to these CRM records.',
  tracking: 'cannot track opens or link clicks.',
};

/**
 * The one sentence for a part the provider cannot carry: the composer says it beside the
 * field before anything is in it, and (with what to do) when Send is refused.
 */
export function cannotSend(providerName: string, part: CarriedPart): string {
  return `${providerName} ${CANNOT[part]}`;
}

/**
 * What the message holds that the provider cannot carry. The composer shows these beside
 * the fields before Send and the adapters refuse them before any request, from this one
 * function, so the two can never disagree about what is dropped.
 */
export function unsupportedFields(provider: { displayName: string; capabilities: Capabilities }, message: CheckedParts): FieldProblem[] {
  const caps = provider.capabilities;
  const name = provider.displayName;
  const out: FieldProblem[] = [];
  if (message.cc.length > 0 && !caps.cc) {
    out.push({ field: 'cc', message: `${cannotSend(name, 'cc')} Remove them or choose another account.` });
  }
  if (message.bcc.length > 0 && !caps.bcc) {
    out.push({ field: 'bcc', message: `${cannotSend(name, 'bcc')} Remove them or choose another account.` });
  }
  if (message.replyTo && !caps.replyTo) {
    out.push({ field: 'replyTo', message: `${cannotSend(name, 'replyTo')} Remove it or choose another account.` });
  }
  if (message.attachments.length > 0) {
    const total = message.attachments.reduce((sum, a) => sum + a.size, 0);
    if (!caps.localAttachments) {
      out.push({ field: 'attachments', message: `${cannotSend(name, 'attachments')} Remove them or choose another account.` });
    } else if (total > caps.maxAttachmentBytes) {
      out.push({
        field: 'attachments',
        message: `${name} can send at most ${formatBytes(caps.maxAttachmentBytes)} of attachments; these add up to ${formatBytes(total)}. Remove some or choose another account.`,
      });
    }
  }
  const crmKind = caps.crmLinks ?? 'none';
  const crmKeys = Object.keys(message.crm ?? {});
  const crmFits = crmKind === 'contact_deal' ? ['contactId', 'dealId'] : crmKind === 'person_user' ? ['personId', 'userId'] : [];
  if (crmKeys.some((key) => !crmFits.includes(key))) {
    out.push({ field: 'crm', message: `${cannotSend(name, 'crm')} Clear “Log to” or choose another account.` });
  }
  if (message.tracking && (message.tracking.opens || message.tracking.links) && !caps.tracking) {
    out.push({ field: 'tracking', message: `${cannotSend(name, 'tracking')} Turn tracking off or choose another account.` });
  }
  // No threading support is not an error: the reply simply starts a new thread at the vendor,
  // which is what the user would get from any mail client that drops In-Reply-To.
  return out;
}
