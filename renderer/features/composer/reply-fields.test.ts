import { describe, expect, it } from 'vitest';
import type { ReplyDraft } from '../../../shared/history.js';
import { initialComposerState, toSubmitMessage, withNewMessage, withReplyDraft, withUnsentMessage } from './store.js';

const reply: ReplyDraft = {
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
    const state = withReplyDraft(initialComposerState, reply);
    expect(state.lists.to[0]?.address).toEqual({ name: 'Ann Lee', email: 'ann@example.com' });
    expect(state.showCc).toBe(true);
    expect(state.subject).toBe('Re: Invoice 42');
    expect(state.doc).toBe(reply.html);
    expect(state.remark).toContain('plan.pdf is no longer stored');
    const message = toSubmitMessage(state, 'acc-1', { html: '<p>x</p>', text: 'x' });
    expect(message.inReplyTo).toEqual({ remoteId: 'em_1', remoteThreadId: 'th_9' });
    expect(message.replyToHistoryId).toBe('hist-1');
  });

  it("shows why it will not thread at the vendor, and a new message forgets the link", () => {
    const state = withReplyDraft(initialComposerState, { ...reply, inReplyTo: undefined, note: 'Rebilly cannot thread replies; it is kept in the thread here.', missingAttachments: [] });
    expect(state.remark).toBe('Rebilly cannot thread replies; it is kept in the thread here.');
    expect(toSubmitMessage(state, 'acc-1', { html: '', text: '' }).inReplyTo).toBeUndefined();
    expect(toSubmitMessage(withNewMessage(state), 'acc-1', { html: '', text: '' }).replyToHistoryId).toBeUndefined();
  });

  it('keeps the link when Undo brings the reply back', () => {
    const sent = toSubmitMessage(withReplyDraft(initialComposerState, reply), 'acc-1', { html: '<p>x</p>', text: 'x' });
    const back = withUnsentMessage(initialComposerState, sent);
    expect(toSubmitMessage(back, 'acc-1', { html: '', text: '' }).replyToHistoryId).toBe('hist-1');
  });
});
