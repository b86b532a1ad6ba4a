import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.js';
import { connectionTestInput } from './connection-test-model.js';
import { formFromAccount, newForm } from './form-model.js';
import { editField, initialAccountsState, startEdit } from './store.js';

const rebilly: AccountView = {
  id: 'r1',
  label: 'Billing',
  from: { email: 'ann@example.com' },
  settings: { provider: 'rebilly', baseUrl: 'https://api-sandbox.rebilly.com', organizationId: 'org', timeoutMs: 30_000 },
  signatureHtml: '',
  isDefault: true,
  hasSecret: true,
  secretHint: 'abcd',
  attention: null,
};

describe('Test connection from the account form', () => {
  it('a new account waits for its key and settings, but not for its name or from address', () => {
    const form = newForm('unipile');
    expect(connectionTestInput(form)).toEqual({ input: null, missing: ['secret', 'baseUrl', 'accountId'] });
    const filled = { ...form, values: { ...form.values, secret: 'key-1234', baseUrl: 'api1.unipile.com:13111', accountId: 'acc_1' } };
    expect(connectionTestInput(filled)).toEqual({
      input: { settings: { provider: 'unipile', baseUrl: 'api1.unipile.com:13111', accountId: 'acc_1', timeoutMs: 30_000 }, secret: 'key-1234' },
      missing: [],
    });
  });

  it('an edited account tests with its stored key until its address moves', () => {
    const form = formFromAccount(rebilly);
    expect(connectionTestInput(form).input).toEqual({ id: 'r1', settings: { provider: 'rebilly', baseUrl: 'https://api-sandbox.rebilly.com', organizationId: 'org', timeoutMs: 30_000 } });
    expect(connectionTestInput({ ...form, values: { ...form.values, baseUrl: 'https://api.rebilly.com' } }).missing).toEqual(['secret']);
  });

  it('any edit drops the answer about the settings as they were', () => {
    const tested = { ...startEdit(initialAccountsState, rebilly), connection: { testing: false as const, result: { outcome: 'ok' as const, sentence: 'Connected.' } } };
    expect(editField(tested, 'organizationId', 'org2').connection).toEqual({ testing: false, result: null });
    expect(editField(tested, 'baseUrl', 'https://api.rebilly.com').connection).toEqual({ testing: false, result: null });
    expect(editField(tested, 'label', 'x').formRevision).toBe(tested.formRevision + 1);
  });
});
