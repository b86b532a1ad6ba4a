import type { AccountSettingsInput, ProviderId } from './accounts.js';
import { providerCatalogue, providerName } from './providers/catalogue.js';

/** Where an account's key is sent: its provider and the origin of its address. */
export interface Destination {
  provider: ProviderId;
  /** `https://api.example.com:8443`; `sandbox:` for the sandbox, which sends nowhere. */
  origin: string;
}

type DestinationSettings = Pick<AccountSettingsInput, 'provider'> & Partial<Record<string, unknown>>;

/** The address the provider calls (base URL, endpoint URL, DSN, environment), as its catalogue entry names it. */
function addressOf(settings: DestinationSettings): string | null {
  const key = providerCatalogue[settings.provider].address;
  if (key === null) return null;
  const value = settings[key];
  return typeof value === 'string' ? value.trim() : '';
}

/** The origin as URL parsing normalises it, so `HTTPS://Api.example.com/` and `https://api.example.com` are one place. */
export function originOf(address: string): string {
  try {
    return new URL(address).origin;
  } catch {
    return address;
  }
}

export function destinationOf(settings: DestinationSettings): Destination {
  const address = addressOf(settings);
  return { provider: settings.provider, origin: address === null ? 'sandbox:' : originOf(address) };
}

/**
 * Why a stored key cannot follow an edit, or null when it can: a key goes only to the
 * provider and origin it was given for, so a change of either needs the key typed again.
 */
export function keyReentryReason(before: DestinationSettings, after: DestinationSettings): string | null {
  const was = destinationOf(before);
  const now = destinationOf(after);
  if (was.provider !== now.provider) {
    return `Enter the key for ${providerName(now.provider)}: the stored one belongs to ${providerName(was.provider)}.`;
  }
  if (was.origin !== now.origin) {
    return `The address changed to ${now.origin}: enter the key again. The stored key is sent only to ${was.origin}, where it was given.`;
  }
  return null;
}
