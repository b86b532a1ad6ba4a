import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.js';
import { draftFromForm, errorsFromFailure, formFromAccount, keyDestinationNote, newForm, validateForm } from './form-model.js';
import { closeForm, editField, initialAccountsState, startEdit, visibleErrors, withSaveFailure } from './store.js';

const rebilly: AccountView = {
  id: 'r1',
  label: 'Billing',
  from: { name: 'Ann', email: 'ann@example.com' },
  settings: { provider: 'rebilly', baseUrl: 'https://api-sandbox.rebilly.com', organizationId: 'org', timeoutMs: 45_000 },
  signatureHtml: '<p>Ann</p>',
  isDefault: true,
  hasSecret: true,
  secretHint: 'abcd',
  attention: null,
};

describe('account form model', () => {
  it('turns an account into a form and back without asking for the stored key', () => {
    const form = formFromAccount(rebilly);
    expect(form.values.baseUrl).toBe('https://api-sandbox.rebilly.com');
    expect(form.values.timeoutSeconds).toBe('45');
    const { draft, errors } = validateForm(form);
    expect(errors).toEqual({});
    expect(draft).toMatchObject({ id: 'r1', settings: { baseUrl: 'https://api-sandbox.rebilly.com', organizationId: 'org', timeoutMs: 45_000 } });
    expect(draft).not.toHaveProperty('secret');
  });

  it('asks for the key again beside its field when an edit moves the account to another address, and says so beside the address', () => {
    const form = formFromAccount(rebilly);
    expect(keyDestinationNote(form)).toBe('Changing the address asks for the key again: the stored key is sent only to https://api-sandbox.rebilly.com.');
    const live = { ...form, values: { ...form.values, baseUrl: 'https://api.rebilly.com' } };
    const { errors, draft } = validateForm(live);
    expect(errors.secret).toMatch(/^The address changed to https:\/\/api\.rebilly\.com: enter the key again/);
    expect(draft).toBeNull();
    expect(validateForm({ ...live, values: { ...live.values, secret: 'sk_live_new_key_1' } }).errors).toEqual({});
    // A change that keeps the origin keeps the key.
    expect(validateForm({ ...form, values: { ...form.values, organizationId: 'org-eu' } }).errors).toEqual({});
  });

  it("starts a new account at the vendor's usual address, and keeps an address the choices do not offer", () => {
    expect(newForm('rollout').values.baseUrl).toBe('https://crm.universal.rollout.com/api');
    expect(newForm('rebilly').values.baseUrl).toBe('https://api.rebilly.com');
    expect(newForm('unipile').values.baseUrl).toBe('');
    expect(newForm('stuut').values.timeoutSeconds).toBe('30');
    const custom = formFromAccount({ ...rebilly, settings: { provider: 'rebilly', baseUrl: 'https://rebilly.internal.example', organizationId: 'org', timeoutMs: 45_000 } });
    expect(validateForm(custom).draft?.settings).toEqual({ provider: 'rebilly', baseUrl: 'https://rebilly.internal.example', organizationId: 'org', timeoutMs: 45_000 });
  });

  it('leaves an optional setting out when it is empty, and sends it when typed', () => {
    const form = formFromAccount(rebilly);
    expect(draftFromForm(form).settings).not.toHaveProperty('credentialHash');
    expect(draftFromForm({ ...form, values: { ...form.values, credentialHash: ' hash-1 ' } }).settings).toMatchObject({ credentialHash: ' hash-1 ' });
    expect(validateForm({ ...form, values: { ...form.values, credentialHash: ' hash-1 ' } }).draft?.settings).toMatchObject({ credentialHash: 'hash-1' });
  });

  it('refuses an address holding a user name and password, beside the field', () => {
    const form = { ...newForm('crm-gateway'), values: { ...newForm('crm-gateway').values, label: 'Desk', fromEmail: 'd@example.com', secret: 'k', endpointUrl: 'https://ann:hunter2@gw.example.com/send' } };
    expect(validateForm(form).errors.endpointUrl).toMatch(/^Remove the user name and password/);
  });

  it('gives every invalid field its reason and no draft', () => {
    const form = newForm('stuut');
    form.values = { ...form.values, label: 'Collections', fromEmail: 'ar@', emailSender: 'sender_1', baseUrl: 'http://api.stuut.ai', timeoutSeconds: 'soon' };
    const { draft, errors } = validateForm(form);
    expect(draft).toBeNull();
    expect(errors).toEqual({
      fromEmail: 'Enter an address such as ann@example.com.',
      emailSender: 'Enter the email sender id: it starts with sndr_.',
      baseUrl: 'Use https://: plain http is allowed only for this computer (localhost or 127.0.0.1).',
      timeoutSeconds: 'Enter a number of seconds between 1 and 300.',
      secret: 'Paste the key: a new account needs it to send.',
    });
  });

  it('needs nothing but a name for the sandbox', () => {
    const form = newForm('sandbox');
    form.values.label = 'Try it';
    expect(validateForm(form).draft).toMatchObject({ label: 'Try it', from: { name: 'Try it' }, settings: { provider: 'sandbox' } });
    expect(draftFromForm(form)).not.toHaveProperty('secret');
  });

  it("places main's refusal beside the field it names, and above the form otherwise", () => {
    expect(errorsFromFailure({ kind: 'invalid_input', message: 'Another account is called that.', fields: [{ field: 'label', message: 'Taken.' }] })).toEqual({ label: 'Taken.', form: 'Another account is called that.' });
    expect(errorsFromFailure({ kind: 'locked', message: 'Choose a passphrase first.' })).toEqual({ form: 'Choose a passphrase first.' });
    expect(errorsFromFailure({ kind: 'invalid_input', message: 'x', fields: [{ field: 'settings.baseUrl', message: 'Bad.' }] }).baseUrl).toBe('Bad.');
  });
});

describe('accounts store updates', () => {
  it('shows reasons only for fields the person touched, keeps what was typed after a refused save, and clears a refusal as the field is edited', () => {
    let state = startEdit(initialAccountsState, rebilly);
    state = editField(state, 'organizationId', '');
    expect(visibleErrors(state)).toEqual({ organizationId: 'Enter the organization id.' });
    state = editField(state, 'organizationId', 'org-2');
    state = withSaveFailure({ ...state, saving: true }, { kind: 'invalid_input', message: 'Name taken.', fields: [{ field: 'label', message: 'Taken.' }] });
    expect(state.saving).toBe(false);
    expect(state.form?.values.organizationId).toBe('org-2');
    expect(visibleErrors(state)).toEqual({ label: 'Taken.', form: 'Name taken.' });
    state = editField(state, 'label', 'Billing 2');
    expect(visibleErrors(state)).toEqual({});
    expect(closeForm(state).form).toBeNull();
  });
});
