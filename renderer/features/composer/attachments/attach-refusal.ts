import { cannotSend } from '../../../../shared/capability-check.js';
import type { ProviderInfo } from '../../../../shared/ipc.js';

/** Why the account's provider takes no attached files, as the composer says it; null when it does (or no account is chosen). */
export function attachRefusal(provider: Pick<ProviderInfo, 'displayName' | 'capabilities'> | null): string | null {
  if (!provider || provider.capabilities.localAttachments) return null;
  return cannotSend(provider.displayName || 'This provider', 'attachments');
}
