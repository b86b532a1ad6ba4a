import type { AccountSettings } from '../../shared/accounts.js';
import { callVendor, type VendorResponse } from './http.js';
import { ServiceError } from '../../shared/service-error.js';
import type { Provider, SendAccount, VendorPost } from './types.js';
import type { UploadProgress } from './upload-progress.js';

export type { VendorPost };

/** A vendor path under an account's base URL, whatever trailing slashes the user typed. */
export function vendorUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

export function isSuccess(res: VendorResponse): boolean {
  return res.status >= 200 && res.status <= 299;
}

/**
 * An adapter's request for a message, built after refusing an account whose settings belong
 * to another provider (they would send this provider's key to whatever URL they name). The
 * same function serves `send` and the dry run the request preview shows.
 */
export async function requestFor<S extends AccountSettings>(
  provider: Pick<Provider, 'id' | 'displayName'>,
  account: SendAccount<S>,
  build: (settings: S) => VendorPost | Promise<VendorPost>,
): Promise<VendorPost> {
  if ((account.settings as AccountSettings).provider !== provider.id) {
    throw new ServiceError({ kind: 'validation', message: `This account is not a ${provider.displayName} account.` });
  }
  return build(account.settings);
}

/**
 * The one POST every vendor adapter makes. It first refuses an account whose settings belong
 * to another provider: they would send this provider's key to whatever URL they name. Only
 * then is the request built (so `build` may rely on the settings' shape), and sent with the
 * account's timeout, the caller's signal, and the secret kept out of every error.
 */
export async function postToVendor<S extends AccountSettings>(
  provider: Pick<Provider, 'id' | 'displayName'>,
  account: SendAccount<S>,
  signal: AbortSignal | undefined,
  build: (settings: S) => VendorPost | Promise<VendorPost>,
  onProgress?: UploadProgress,
): Promise<VendorResponse> {
  const request = await requestFor(provider, account, build);
  return callVendor({
    provider: provider.displayName,
    ...request,
    timeoutMs: account.settings.timeoutMs,
    ...(signal ? { signal } : {}),
    secrets: [account.secret],
    ...(onProgress ? { onProgress } : {}),
  });
}
