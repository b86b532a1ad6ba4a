import { describe, expect, it } from 'vitest';
import type { Template } from '../../../../shared/templates.js';
import { initialComposerState, withTypedRecipients } from '../composer-state.js';
import { templateFromMessage, withTemplateFields } from './template-fields.js';

const file = { token: 'tok_aaaaaaaaaaaaaaaa', filename: 'terms.pdf', mimeType: 'application/pdf', size: 10 };
const template: Template = {
  id: 't1',
  kind: 'template',
  name: 'Overdue',
  accountId: null,
  subject: 'Invoice {{invoice_number}}',
  html: '<p>Hello {{first_name}}</p>',
  cc: [{ email: 'ar@acme.example' }, { name: 'Bea', email: 'bea@example.org' }],
  bcc: [],
  attachments: [file],
  createdAt: 1,
  updatedAt: 1,
};

describe('a template and the message’s fields', () => {
  it('applied: subject replaced, Cc and files joined once each, To kept', () => {
    let state = withTypedRecipients(initialComposerState, 'to', 'bea@example.org, cy@acme.io');
    state = { ...state, subject: 'old', attachments: [file] };
    const next = withTemplateFields(state, template);
    expect(next.subject).toBe('Invoice {{invoice_number}}');
    expect(next.lists.to.map((c) => c.address?.email)).toEqual(['bea@example.org', 'cy@acme.io']);
    // Bea is already in To: not added again.
    expect(next.lists.cc.map((c) => c.address?.email)).toEqual(['ar@acme.example']);
    expect(next.showCc).toBe(true);
    expect(next.attachments).toEqual([file]);
    expect(withTemplateFields({ ...state, subject: 'kept' }, { ...template, subject: ' ' }).subject).toBe('kept');
  });

  it('saved: what the message holds, merge fields as typed, an invalid chip as typed', () => {
    let state = withTypedRecipients(initialComposerState, 'cc', 'Ann <ann@x.io>, not-an-address');
    state = { ...state, subject: 'Hi {{first_name}}', attachments: [file] };
    expect(templateFromMessage(state, { name: 'Hi', accountId: 'acct', html: '<p>x</p>' })).toEqual({
      kind: 'template',
      name: 'Hi',
      accountId: 'acct',
      subject: 'Hi {{first_name}}',
      html: '<p>x</p>',
      cc: [{ name: 'Ann', email: 'ann@x.io' }, { email: 'not-an-address' }],
      bcc: [],
      attachments: [file],
    });
  });
});
