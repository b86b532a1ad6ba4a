import { randomUUID } from 'node:crypto';
import { destinationOf, keyReentryReason } from '../../../shared/account-destination.js';
import { providerName } from '../../../shared/providers/catalogue.js';
import {
  secretlessProviders,
  type AccountDraft,
  type AccountsList,
  type AccountView,
  type VaultChoice,
} from '../../../shared/accounts.js';
import type { EventBus } from '../event-bus.js';
import { ServiceError } from '../../../shared/service-error.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { StoredAccount } from '../settings/settings-schema.js';
import type { Vault } from '../vault/vault.js';

export interface AccountsDeps {
  store: SettingsStore;
  vault: Vault;
  bus: Pick<EventBus, 'emit'>;
  now?: () => Date;
}

/** What the send path gets: the account and its secret, which stays in main. */
export interface SendableAccount {
  account: AccountView;
  /** Empty for the sandbox. Never logged, never put in an error or an answer. */
  secret: string;
}

/** The connected accounts and the vault that keeps their keys: every `accounts:*` channel is one call here. */
export interface AccountsService {
  list(): Promise<AccountsList>;
  save(draft: AccountDraft): Promise<AccountView>;
  remove(id: string): Promise<AccountsList>;
  setDefault(id: string): Promise<AccountsList>;
  unlock(passphrase: string): Promise<AccountsList>;
  chooseVaultMode(choice: VaultChoice): Promise<AccountsList>;
  /** For the composer's send path; throws a ServiceError with a sentence when the account cannot send. */
  resolveForSend(id: string): Promise<SendableAccount>;
}

function gone(): ServiceError {
  return new ServiceError({ kind: 'not_found', message: 'That account no longer exists; it may have been removed in another window. Reload the list and try again.' });
}

export function createAccountsService(deps: AccountsDeps): AccountsService {
  const { store, vault, bus } = deps;
  const ready = vault.ready.then(() => bus.emit('accounts:changed', snapshot()));
  // Every method awaits `ready` and reports its failure; this only keeps an early one from going unhandled.
  ready.catch(() => undefined);

  const needsSecret = (account: StoredAccount) => !secretlessProviders.includes(account.settings.provider);

  const view = (account: StoredAccount): AccountView => {
    const secretless = !needsSecret(account);
    let attention = secretless ? null : vault.problem(account.id);
    if (!secretless && !attention && !vault.hasSecret(account.id)) attention = 'No key is stored for this account: edit it and enter its key.';
    return {
      id: account.id,
      label: account.label,
      from: account.from,
      settings: account.settings,
      signatureHtml: account.signatureHtml,
      isDefault: store.read().defaultAccountId === account.id,
      hasSecret: !secretless && vault.hasSecret(account.id),
      secretHint: secretless ? null : vault.hint(account.id),
      attention,
    };
  };

  const snapshot = (): AccountsList => ({ accounts: store.read().accounts.map(view), vault: vault.state() });
  const changed = (): AccountsList => {
    const list = snapshot();
    bus.emit('accounts:changed', list);
    return list;
  };
  const find = (id: string): StoredAccount => {
    const account = store.read().accounts.find((a) => a.id === id);
    if (!account) throw gone();
    return account;
  };

  return {
    async list() {
      await ready;
      return snapshot();
    },

    async save(draft) {
      await ready;
      const { accounts, defaultAccountId } = store.read();
      const existing = draft.id ? find(draft.id) : null;
      const label = draft.label.trim();
      if (accounts.some((a) => a.id !== existing?.id && a.label.toLowerCase() === label.toLowerCase())) {
        throw new ServiceError({
          kind: 'invalid_input',
          message: `Another account is already called "${label}". Pick a different name so you can tell them apart when sending.`,
          fields: [{ field: 'label', message: 'Another account already has this name.' }],
        });
      }
      const secret = (draft.secret ?? '').trim();
      const provider = draft.settings.provider;
      const secretless = secretlessProviders.includes(provider);
      // A key goes only where it was given: another provider or another origin needs it typed again.
      const reentry = !secretless && !secret && existing ? keyReentryReason(existing.settings, draft.settings) : null;
      if (reentry) {
        throw new ServiceError({
          kind: 'invalid_input',
          message: reentry,
          fields: [
            { field: 'secret', message: existing?.settings.provider === provider ? 'The address changed: paste the key again.' : `Paste the ${providerName(provider)} key.` },
          ],
        });
      }
      const account: StoredAccount = {
        id: existing?.id ?? randomUUID(),
        label,
        from: draft.from,
        settings: draft.settings,
        signatureHtml: draft.signatureHtml,
        createdAt: existing?.createdAt ?? (deps.now?.() ?? new Date()).toISOString(),
      };
      // The key first: if the vault refuses (locked, no keychain), nothing is half-saved.
      if (secretless) vault.drop(account.id);
      else if (secret) await vault.put(account.id, secret, destinationOf(account.settings));
      const next = existing ? accounts.map((a) => (a.id === account.id ? account : a)) : [...accounts, account];
      store.write({ accounts: next, defaultAccountId: defaultAccountId ?? account.id });
      changed();
      return view(account);
    },

    async remove(id) {
      await ready;
      find(id);
      const { accounts, defaultAccountId } = store.read();
      const rest = accounts.filter((a) => a.id !== id);
      vault.drop(id);
      store.write({ accounts: rest, defaultAccountId: defaultAccountId === id ? (rest[0]?.id ?? null) : defaultAccountId });
      return changed();
    },

    async setDefault(id) {
      await ready;
      find(id);
      store.write({ defaultAccountId: id });
      return changed();
    },

    async unlock(passphrase) {
      await ready;
      await vault.unlock(passphrase);
      return changed();
    },

    async chooseVaultMode(choice) {
      await ready;
      await vault.choose(choice);
      return changed();
    },

    async resolveForSend(id) {
      await ready;
      const account = store.read().accounts.find((a) => a.id === id);
      if (!account) throw new ServiceError({ kind: 'not_found', message: 'The account chosen for this message no longer exists. Choose another account and send again.' });
      if (!needsSecret(account)) return { account: view(account), secret: '' };
      const secret = await vault.reveal(account.id, destinationOf(account.settings)).catch((error: unknown) => {
        if (error instanceof ServiceError) {
          throw new ServiceError({ ...error.failure, message: `"${account.label}" cannot send yet. ${error.failure.message}` });
        }
        throw error;
      });
      return { account: view(account), secret };
    },
  };
}
