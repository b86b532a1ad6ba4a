import { create } from 'zustand';
import type { AccountsList, AccountView, ProviderId, VaultChoice } from '../../../shared/accounts.js';
import type { ConnectionTest } from '../../../shared/connection-test.js';
import type { Failure } from '../../../shared/result.js';
import { bridge } from '../../lib/bridge.js';
import { createFreshness } from '../../lib/freshness.js';
import { errorsFromFailure, formFromAccount, keyReentry, newForm, SANDBOX_ADDRESS, validateForm, type AccountForm, type FieldKey, type FormErrors } from './form-model.js';
import { connectionTestInput } from './connection-test-model.js';

// State
export interface AccountsState {
  list: AccountsList | null;
  loadError: string | null;
  /** The add flow's first step: which provider. */
  choosingProvider: boolean;
  form: AccountForm | null;
  /** Fields the person has changed: their reasons show as they type. */
  touched: FieldKey[];
  saving: boolean;
  /** What main refused on the last save, by field; cleared field by field as they are edited. */
  serverErrors: FormErrors;
  confirmRemoveId: string | null;
  actionError: string | null;
  vaultError: string | null;
  vaultBusy: boolean;
  /** Test connection: running, or what the last read with the form's current settings found. */
  connection: { testing: true } | { testing: false; result: ConnectionTest | null };
  /** Bumped by every edit of the form, so a test's answer about older settings is dropped. */
  formRevision: number;
}

// Pure updates
export const initialAccountsState: AccountsState = {
  list: null,
  loadError: null,
  choosingProvider: false,
  form: null,
  touched: [],
  saving: false,
  serverErrors: {},
  confirmRemoveId: null,
  actionError: null,
  vaultError: null,
  vaultBusy: false,
  connection: { testing: false, result: null },
  formRevision: 0,
};

const noConnectionResult = { connection: { testing: false, result: null } } as const;
const closedForm = { choosingProvider: false, form: null, touched: [], serverErrors: {}, saving: false, ...noConnectionResult };

/** Any edit makes an earlier test's answer about other settings, so it goes. */
function edited(state: AccountsState): Pick<AccountsState, 'connection' | 'formRevision'> {
  return { ...noConnectionResult, formRevision: state.formRevision + 1 };
}

export function withList(state: AccountsState, list: AccountsList): AccountsState {
  // An open form is left alone even if its account went away elsewhere: saving then says so, and nothing typed is lost.
  const confirmRemoveId = list.accounts.some((a) => a.id === state.confirmRemoveId) ? state.confirmRemoveId : null;
  return { ...state, list, loadError: null, confirmRemoveId };
}

export function startAdd(state: AccountsState): AccountsState {
  return { ...state, ...closedForm, choosingProvider: true, actionError: null };
}

export function chooseProvider(state: AccountsState, provider: ProviderId): AccountsState {
  return { ...state, ...closedForm, form: newForm(provider) };
}

export function startEdit(state: AccountsState, account: AccountView): AccountsState {
  return { ...state, ...closedForm, form: formFromAccount(account), actionError: null };
}

export function closeForm(state: AccountsState): AccountsState {
  return { ...state, ...closedForm };
}

export function editField(state: AccountsState, key: FieldKey, value: string): AccountsState {
  if (!state.form) return state;
  const { [key]: _cleared, form: _formError, ...serverErrors } = state.serverErrors;
  return {
    ...state,
    ...edited(state),
    form: { ...state.form, values: { ...state.form.values, [key]: value } },
    touched: state.touched.includes(key) ? state.touched : [...state.touched, key],
    serverErrors,
  };
}

export function editSignature(state: AccountsState, signatureHtml: string): AccountsState {
  return state.form ? { ...state, form: { ...state.form, signatureHtml } } : state;
}

/** A refused save keeps every character typed and shows main's reasons beside the fields. */
export function withSaveFailure(state: AccountsState, failure: Failure): AccountsState {
  return { ...state, saving: false, serverErrors: errorsFromFailure(failure) };
}

/** The reasons to show: main's, then the schema's for fields already touched. */
export function visibleErrors(state: AccountsState): FormErrors {
  if (!state.form) return {};
  const { errors } = validateForm(state.form);
  const shown: FormErrors = {};
  for (const key of state.touched) if (errors[key]) shown[key] = errors[key];
  // Said at once, beside the key, as the address changes: the key field itself was not touched.
  const reentry = keyReentry(state.form);
  if (reentry) shown.secret = reentry;
  if (errors.signatureHtml) shown.signatureHtml = errors.signatureHtml;
  return { ...shown, ...state.serverErrors };
}

// Actions
interface AccountsActions {
  load(): Promise<void>;
  listen(): () => void;
  startAdd(): void;
  chooseProvider(provider: ProviderId): void;
  startEdit(account: AccountView): void;
  closeForm(): void;
  editField(key: FieldKey, value: string): void;
  editSignature(html: string): void;
  save(): Promise<boolean>;
  /** One harmless read with the form's settings and key; the answer shows beside the button. */
  testConnection(): Promise<void>;
  askRemove(id: string | null): void;
  remove(id: string): Promise<void>;
  setDefault(id: string): Promise<void>;
  unlock(passphrase: string): Promise<boolean>;
  chooseVault(choice: VaultChoice): Promise<boolean>;
  /** One click from the welcome page: a sandbox account named "Sandbox". */
  trySandbox(): Promise<void>;
}

export const useAccountsStore = create<AccountsState & AccountsActions>()((set, get) => {
  const afterList = (result: Awaited<ReturnType<ReturnType<typeof bridge>['accounts']['list']>>) => {
    if (result.ok) set((state) => ({ ...withList(state, result.value), actionError: null }));
    else set({ actionError: result.error.message });
  };
  const fresh = createFreshness();
  return {
    ...initialAccountsState,
    async load() {
      const current = fresh.begin();
      const result = await bridge().accounts.list();
      if (!current()) return;
      set((state) => (result.ok ? withList(state, result.value) : { ...state, loadError: result.error.message }));
    },
    listen() {
      return bridge().on('accounts:changed', (list) => {
        fresh.eventArrived();
        set((state) => withList(state, list));
      });
    },
    startAdd: () => set(startAdd),
    chooseProvider: (provider) => set((state) => chooseProvider(state, provider)),
    startEdit: (account) => set((state) => startEdit(state, account)),
    closeForm: () => set(closeForm),
    editField: (key, value) => set((state) => editField(state, key, value)),
    editSignature: (html) => set((state) => editSignature(state, html)),
    async save() {
      const form = get().form;
      const draft = form ? validateForm(form).draft : null;
      if (!draft || get().saving) return false;
      set({ saving: true, serverErrors: {} });
      const result = await bridge().accounts.save(draft);
      if (!result.ok) {
        set((state) => withSaveFailure(state, result.error));
        return false;
      }
      set((state) => closeForm(state));
      return true;
    },
    async testConnection() {
      const { form, formRevision, connection } = get();
      const input = form ? connectionTestInput(form).input : null;
      if (!input || connection.testing) return;
      set({ connection: { testing: true } });
      const result = await bridge().accounts.testConnection(input);
      // An edit while the read was out dropped the question; its answer is about other settings.
      if (get().formRevision !== formRevision || get().form === null) return set(noConnectionResult);
      set({ connection: { testing: false, result: result.ok ? result.value : { outcome: 'vendor', sentence: result.error.message } } });
    },
    askRemove: (id) => set({ confirmRemoveId: id }),
    async remove(id) {
      const result = await bridge().accounts.remove({ id });
      afterList(result);
      set((state) => ({ confirmRemoveId: null, ...(state.form?.id === id ? closeForm(state) : {}) }));
    },
    async setDefault(id) {
      afterList(await bridge().accounts.setDefault({ id }));
    },
    async unlock(passphrase) {
      set({ vaultBusy: true, vaultError: null });
      const result = await bridge().accounts.unlock({ passphrase });
      set((state) => (result.ok ? { ...withList(state, result.value), vaultBusy: false } : { ...state, vaultBusy: false, vaultError: result.error.message }));
      return result.ok;
    },
    async chooseVault(choice) {
      set({ vaultBusy: true, vaultError: null });
      const result = await bridge().accounts.chooseVaultMode(choice);
      set((state) => (result.ok ? { ...withList(state, result.value), vaultBusy: false } : { ...state, vaultBusy: false, vaultError: result.error.message }));
      return result.ok;
    },
    async trySandbox() {
      const result = await bridge().accounts.save({ label: 'Sandbox', from: { name: 'Sandbox', email: SANDBOX_ADDRESS }, settings: { provider: 'sandbox' } });
      if (!result.ok) set({ actionError: result.error.message });
      else await get().load();
    },
  };
});

// Selectors
const NO_ACCOUNTS: AccountView[] = [];
// A fresh [] on every call would make React re-render forever.
export const selectAccounts = (state: AccountsState) => state.list?.accounts ?? NO_ACCOUNTS;

/** An account's label for lists of messages; a message can outlive the account it went through. */
export function accountLabel(accounts: readonly AccountView[], id: string | null): string {
  return accounts.find((a) => a.id === id)?.label ?? 'a removed account';
}
export const selectLoaded = (state: AccountsState) => state.list !== null;
export const selectVault = (state: AccountsState) => state.list?.vault ?? null;
export const selectForm = (state: AccountsState) => state.form;
