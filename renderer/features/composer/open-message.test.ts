import { describe, expect, it } from 'vitest';
import { composeOpenFromMailto } from '../../../shared/compose-open.js';
import { editableFromHistory, editableFromSubmitted, type HistoryCopy } from '../../../shared/editable-message.js';
import { initialComposerState, toSubmitMessage, withMessage, withNewMessage, type ComposerState } from './store.js';

const written: ComposerState = {
  ...initialComposerState,
  accountId: 'acct-1',
  subject: 'Half written',
  generation: 4,
  draftId: 'draft-9',
  revision: 3,
  doc: '<p>old</p>',
  lastSent: { id: 'o1', summary: 'To Bea', undoUntil: 10, draftId: null },
};

describe('a message from a mailto: link', () => {
  it('starts a new message with the link’s recipients, subject and body on the same account', () => {
    const next = withMessage(written, composeOpenFromMailto('mailto:ann@x.io,bob@y.org?cc=c@z.com&bcc=d@w.net&subject=Caf%C3%A9&body=Line%201%0D%0ALine%202'));
    expect(next.accountId).toBe('acct-1');
    expect(next.lists.to.map((c) => c.address?.email)).toEqual(['ann@x.io', 'bob@y.org']);
    expect(next.lists.cc.map((c) => c.address?.email)).toEqual(['c@z.com']);
    expect(next.lists.bcc.map((c) => c.address?.email)).toEqual(['d@w.net']);
    expect(next.showCc && next.showBcc).toBe(true);
    expect(next.subject).toBe('Café');
    expect(next.doc).toBe('<p>Line 1<br>Line 2</p>');
    expect(next.remark).toBeNull();
  });

  it('is a new draft: the open one keeps its id, the editor takes the new text, Undo send stays offered', () => {
    const next = withMessage(written, composeOpenFromMailto('mailto:ann@x.io'));
    expect(next.draftId).toBeNull();
    expect(next.revision).toBeNull();
    expect(next.generation).toBe(5);
    expect(next.doc).toBe('<p></p>');
    expect(next.lastSent).toEqual(written.lastSent);
  });

  it('puts the account’s signature below the body as a signature block', () => {
    const next = withMessage(written, composeOpenFromMailto('mailto:ann@x.io?body=Hi'), '<p>-- Bea</p>');
    expect(next.doc).toBe('<p>Hi</p><div data-signature><p>-- Bea</p></div>');
  });

  it('keeps recipients that are not addresses as invalid To chips and says so', () => {
    const next = withMessage(written, composeOpenFromMailto('mailto:ann@x.io,not-an-address?subject=Hi'));
    expect(next.lists.to.map((c) => [c.raw, c.address === null])).toEqual([
      ['ann@x.io', false],
      ['not-an-address', true],
    ]);
    expect(next.remark).toContain('not-an-address');
  });

  it('opens an empty composer with the reason for a malformed link', () => {
    const next = withMessage(written, composeOpenFromMailto('mailto:ann@x.io?subject=%E2%82'));
    expect(next.lists.to).toEqual([]);
    expect(next.subject).toBe('');
    expect(next.remark).toMatch(/^A mail link could not be opened: /);
  });
});

const reply: HistoryCopy = {
  accountId: 'acc-1',
  to: [{ name: 'Ann Lee', email: 'ann@example.com' }],
  cc: [{ email: 'bob@example.com' }],
  bcc: [],
  subject: 'Re: Invoice 42',
  html: '<p></p><blockquote><p>Original</p></blockquote>',
  inReplyTo: { remoteId: 'em_1', remoteThreadId: 'th_9' },
  replyToHistoryId: 'hist-1',
  attachments: [],
  missingAttachments: ['plan.pdf'],
};

describe('a reply opened from the Sent view', () => {
  it('fills the composer and carries the thread link into the message sent', () => {
    const state = withMessage(initialComposerState, editableFromHistory(reply));
    expect(state.lists.to[0]?.address).toEqual({ name: 'Ann Lee', email: 'ann@example.com' });
    expect(state.showCc).toBe(true);
    expect(state.subject).toBe('Re: Invoice 42');
    expect(state.doc).toBe(reply.html);
    expect(state.remark).toContain('plan.pdf is no longer stored');
    const message = toSubmitMessage(state, 'acc-1', { html: '<p>x</p>', text: 'x' });
    expect(message.inReplyTo).toEqual({ remoteId: 'em_1', remoteThreadId: 'th_9' });
    expect(message.replyToHistoryId).toBe('hist-1');
  });

  it('shows why it will not thread at the vendor, and a new message forgets the link', () => {
    const state = withMessage(initialComposerState, editableFromHistory({ ...reply, inReplyTo: undefined, note: 'Rebilly cannot thread replies; it is kept in the thread here.', missingAttachments: [] }));
    expect(state.remark).toBe('Rebilly cannot thread replies; it is kept in the thread here.');
    expect(toSubmitMessage(state, 'acc-1', { html: '', text: '' }).inReplyTo).toBeUndefined();
    expect(toSubmitMessage(withNewMessage(state), 'acc-1', { html: '', text: '' }).replyToHistoryId).toBeUndefined();
  });

  it('keeps the link when Undo brings the reply back without its draft', () => {
    const sent = toSubmitMessage(withMessage(initialComposerState, editableFromHistory(reply)), 'acc-1', { html: '<p>x</p>', text: 'x' });
    const back = withMessage(initialComposerState, editableFromSubmitted(sent, null, null));
    expect(back.doc).toBe('<p>x</p>');
    expect(toSubmitMessage(back, 'acc-1', { html: '', text: '' }).replyToHistoryId).toBe('hist-1');
  });
});
