import type { AccountSettings } from '../../shared/accounts.js';
import type { SentQuery, VendorCheck } from '../../shared/outgoing.js';
import { httpFailure, readVendorWords } from './errors.js';
import type { VendorResponse } from './http.js';
import type { SendAccount } from './types.js';
import { isSuccess, postToVendor, vendorUrl } from './vendor-post.js';

type RolloutSettings = Extract<AccountSettings, { provider: 'rollout' }>;

const NAME = 'Rollout';
/** Rollout's list pages (`GET /emailMessages`, `_metadata.limit`); a few pages cover the minutes a lost answer is asked about. */
const PAGE_SIZE = 100;
const MAX_PAGES = 5;
/**
 * How long before the attempt's start a matching email may have been created: the vendor's
 * clock and ours differ, and a check the person asks for later knows only when the attempt ended.
 */
export const CREATED_SLACK_MS = 5 * 60_000;

interface Listed {
  id: string;
  threadId?: string | null;
  subject?: string;
  sender?: { email?: string | null };
  recipients?: { email?: string | null }[];
  isIncoming?: boolean;
  created?: string;
}

const lower = (email: string | null | undefined) => (email ?? '').trim().toLowerCase();
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The email this message would have created: same subject, sender and recipients, created since the attempt began. */
function isTheOne(item: Listed, query: SentQuery): boolean {
  const { message } = query;
  if (item.isIncoming === true || item.subject !== message.subject) return false;
  if (lower(item.sender?.email) !== lower(message.from.email)) return false;
  if (!sameSet((item.recipients ?? []).map((r) => lower(r.email)), message.to.map((a) => lower(a.email)))) return false;
  const created = Date.parse(item.created ?? '');
  return Number.isFinite(created) && created >= query.attemptedAt - CREATED_SLACK_MS;
}

function itemsOf(res: VendorResponse): { items: Listed[]; next: string | null } {
  const json = res.json as { emailmessages?: unknown; _metadata?: { next?: unknown } } | undefined;
  const items = Array.isArray(json?.emailmessages) ? (json.emailmessages as Listed[]).filter((m) => typeof m?.id === 'string') : [];
  const next = typeof json?._metadata?.next === 'string' && json._metadata.next !== '' ? json._metadata.next : null;
  return { items, next };
}

/**
 * Rollout takes no idempotency key and, when its answer is lost, gave no id to read back; its
 * list of email messages (`GET /emailMessages`, in the vendor's API reference) is searched for
 * the one this message would have created. Found, it was sent; not found, Rollout cannot say
 * yet (its list may lag behind what it just created), so the question stays the person's.
 */
export async function findCreatedEmail(query: SentQuery, account: SendAccount<RolloutSettings>, signal?: AbortSignal): Promise<VendorCheck> {
  const secrets = [account.secret];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) params.set('next', cursor);
    const res = await postToVendor({ id: 'rollout', displayName: NAME }, account, signal, (settings) => ({
      url: vendorUrl(settings.baseUrl, `/emailMessages?${params.toString()}`),
      method: 'GET',
      headers: { Authorization: `Bearer ${account.secret}`, 'X-Rollout-Credential-Id': settings.credentialId, Accept: 'application/json' },
    }));
    if (!isSuccess(res)) throw httpFailure(NAME, res, readVendorWords(res.json), secrets);
    const { items, next } = itemsOf(res);
    const found = items.find((item) => isTheOne(item, query));
    if (found) {
      const threadId = typeof found.threadId === 'string' && found.threadId !== '' ? found.threadId : undefined;
      return { found: true, result: { remoteId: found.id, ...(threadId ? { remoteThreadId: threadId } : {}), status: 'sent' } };
    }
    if (!next) break;
    cursor = next;
  }
  return {
    found: 'unknown',
    sentence: `${NAME} lists no email with this subject to these recipients created since it was sent; its list can lag behind, so check the CRM before sending it again.`,
  };
}
