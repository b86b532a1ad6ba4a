import { rollout } from '../../shared/providers/rollout.js';
import type { AccountSettings } from '../../shared/accounts.js';
import type { Address } from '../../shared/address.js';
import { httpFailure, readVendorWords } from './errors.js';
import { redact, type VendorResponse } from './http.js';
import { preflight } from './preflight.js';
import { probeFailure, readFromVendor } from './probe.js';
import { ServiceError } from '../../shared/service-error.js';
import type { OutgoingMessage, SendResult, SentQuery, VendorCheck } from '../../shared/outgoing.js';
import { findCreatedEmail } from './rollout-lookup.js';
import type { ConnectionTest } from '../../shared/connection-test.js';
import type { HttpProvider, SendAccount } from './types.js';
import { isSuccess, postToVendor, requestFor, vendorUrl } from './vendor-post.js';

type RolloutSettings = Extract<AccountSettings, { provider: 'rollout' }>;

/** Rollout's schema requires `name` on every participant; an identity without one is named by its address. */
function participant(address: Address): { name: string; email: string } {
  const name = address.name?.trim();
  return { name: name ? name : address.email, email: address.email };
}

/** The request body of `POST /emailMessages` (vendor OpenAPI: subject, body, sender, recipients, threadId). */
export function rolloutBody(message: OutgoingMessage): Record<string, unknown> {
  const body: Record<string, unknown> = {
    subject: message.subject,
    body: message.html,
    sender: participant(message.from),
    recipients: message.to.map(participant),
  };
  // Without a remote thread id the reply starts a new thread: Rollout threads by threadId only.
  const threadId = message.inReplyTo?.remoteThreadId;
  if (threadId) body.threadId = threadId;
  if (message.crm?.personId) body.personId = message.crm.personId;
  if (message.crm?.userId) body.userId = message.crm.userId;
  return body;
}

function readResult(res: VendorResponse, secrets: string[]): SendResult {
  const json = res.json;
  const id = json && typeof json === 'object' && 'id' in json ? json.id : undefined;
  if (typeof id !== 'string' || id === '') {
    throw new ServiceError({
      kind: 'unknown_outcome',
      status: res.status,
      message: redact(
        `Rollout answered (HTTP ${res.status}) but gave no message id, so whether the email was created is unknown. Check the CRM before sending it again.`,
        secrets,
      ),
    });
  }
  const threadId = json && typeof json === 'object' && 'threadId' in json ? json.threadId : undefined;
  return {
    remoteId: id,
    ...(typeof threadId === 'string' && threadId !== '' ? { remoteThreadId: threadId } : {}),
    // 'sent', not 'accepted': Rollout answers synchronously with the message as created in the
    // CRM (201 Created, with its `sent` timestamp); it exposes no queue or delivery state to poll,
    // so nothing later would ever move the entry from 'accepted' to 'sent'.
    status: 'sent',
  };
}

export const rolloutProvider: HttpProvider<RolloutSettings> = {
  id: 'rollout',
  displayName: rollout.name,
  capabilities: rollout.capabilities,
  request(message: OutgoingMessage, account: SendAccount<RolloutSettings>) {
    return requestFor(rolloutProvider, account, (settings) => ({
      url: vendorUrl(settings.baseUrl, '/emailMessages'),
      headers: {
        Authorization: `Bearer ${account.secret}`,
        'X-Rollout-Credential-Id': settings.credentialId,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(rolloutBody(message)),
    }));
  },
  async send(message: OutgoingMessage, account: SendAccount<RolloutSettings>, signal?: AbortSignal): Promise<SendResult> {
    preflight(rolloutProvider, message);
    const secrets = [account.secret];
    const res = await postToVendor(rolloutProvider, account, signal, () => rolloutProvider.request(message, account));
    if (!isSuccess(res)) {
      // Rollout documents `{ errorMessage }` for 400 and 409, which readVendorWords reads; 401 and
      // 5xx are undocumented and read the same tolerant way.
      throw httpFailure(rolloutProvider.displayName, res, readVendorWords(res.json), secrets);
    }
    return readResult(res, secrets);
  },
  check(query: SentQuery, account: SendAccount<RolloutSettings>, signal?: AbortSignal): Promise<VendorCheck> {
    return findCreatedEmail(query, account, signal);
  },
  /** `GET /people?limit=1` with the send's headers: a read of one CRM person, which sends nothing. */
  async probe(account: SendAccount<RolloutSettings>, signal?: AbortSignal): Promise<ConnectionTest> {
    const res = await readFromVendor(rolloutProvider, account, signal, (settings) => ({
      url: vendorUrl(settings.baseUrl, '/people?limit=1'),
      headers: { Authorization: `Bearer ${account.secret}`, 'X-Rollout-Credential-Id': settings.credentialId, Accept: 'application/json' },
    }));
    if (!isSuccess(res)) throw probeFailure(rolloutProvider.displayName, res, readVendorWords(res.json), [account.secret]);
    if (typeof res.json !== 'object' || res.json === null) {
      return { outcome: 'vendor', sentence: `Something answered at this address (HTTP ${res.status}), but not as Rollout's CRM API does. Check the base URL.` };
    }
    const credential = redact(account.settings.credentialId, [account.secret]);
    return { outcome: 'ok', sentence: `Connected: Rollout accepted the key for credential "${credential}" and read the CRM. Nothing was sent.` };
  },
};
