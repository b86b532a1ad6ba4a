import type { AccountSettings } from '../../shared/accounts.js';
import { ServiceError } from '../../shared/service-error.js';
import { kindFor, retryAfterMs, vendorSays, type VendorWords } from './errors.js';
import { callVendor, type VendorResponse } from './http.js';
import { readWords } from './transport-words.js';
import type { Provider, SendAccount, VendorPost } from './types.js';
import { requestFor } from './vendor-post.js';

/**
 * One GET for Test connection, with the account's timeout and the key kept out of every
 * error; a transport failure says nothing was sent, which for a read is always true.
 */
export async function readFromVendor<S extends AccountSettings>(
  provider: Pick<Provider, 'id' | 'displayName'>,
  account: SendAccount<S>,
  signal: AbortSignal | undefined,
  build: (settings: S) => Omit<VendorPost, 'method' | 'body'>,
): Promise<VendorResponse> {
  const request = await requestFor(provider, account, build);
  return callVendor({
    provider: provider.displayName,
    ...request,
    method: 'GET',
    timeoutMs: account.settings.timeoutMs,
    ...(signal ? { signal } : {}),
    secrets: [account.secret],
    words: readWords,
  });
}

function wait(ms: number | undefined): string {
  return ms === undefined ? 'Try again later.' : `Try again in ${Math.max(1, Math.ceil(ms / 1000))} s.`;
}

/** A read's refusal in one sentence: what the vendor said about the key or the address, never about an email. */
export function probeFailure(provider: string, res: VendorResponse, words: VendorWords, secrets: string[]): ServiceError {
  const says = vendorSays(res, words, secrets);
  const status = res.status;
  const retryMs = status === 429 || status === 503 ? retryAfterMs(res.headers) : undefined;
  let message: string;
  if (status === 401) message = `${provider} did not accept the key${says}. Check the key (and that it belongs to this ${provider} account).`;
  else if (status === 403) message = `${provider} knows the key but refused to answer with it${says}. Check the key's permissions.`;
  else if (status === 404) message = `${provider} found nothing at this address${says}. Check the address and the ids in these settings.`;
  else if (status === 429) message = `${provider} is limiting requests from this key${says}. ${wait(retryMs)}`;
  else if (status >= 500) message = `${provider} had a problem on its side (HTTP ${status})${says}. ${wait(retryMs)}`;
  else message = `${provider} refused the check (HTTP ${status})${says}.`;
  return new ServiceError({ kind: kindFor(status), status, message });
}
