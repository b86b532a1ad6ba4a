import { describe, expect, it } from 'vitest';
import { editableFromDraft, editableFromSubmitted, plainTextToHtml } from './editable-message.js';
import type { Draft } from './drafts.js';
import type { SubmitMessage } from './message.js';

describe('plainTextToHtml', () => {
  it('keeps single line breaks inside a paragraph and splits paragraphs on blank lines', () => {
    expect(plainTextToHtml('Hi Ann,\r\n\r\nSee you at 5.\nBob')).toBe('<p>Hi Ann,</p><p>See you at 5.<br>Bob</p>');
  });
  it('shows markup in the body as text, never as HTML', () => {
    expect(plainTextToHtml('<img src=x onerror=alert(1)> & "q"')).toBe('<p>&#60;img src=x onerror=alert(1)&#62; &#38; &#34;q&#34;</p>');
  });
  it('gives nothing for an empty or blank body', () => {
    expect(plainTextToHtml(' \n \n')).toBe('');
  });
});

const draft: Draft = {
  id: 'd1',
  revision: 3,
  createdAt: 1,
  updatedAt: 2,
  lastError: 'The key was rejected.',
  content: { accountId: 'a1', to: [{ email: 'not valid' }], cc: [], bcc: [], subject: 'Hi', doc: { type: 'doc' }, showCc: false, showBcc: false, attachments: [] },
};
const submitted: SubmitMessage = { accountId: 'a1', to: [{ email: 'ann@x.io' }], cc: [], bcc: [], subject: 'Hi', html: '<p>Sent</p>', text: 'Sent', attachments: [], replyToHistoryId: 'h1' };

describe('the editable message main opens', () => {
  it('is a draft exactly as saved, invalid recipient and last error included', () => {
    expect(editableFromDraft(draft)).toMatchObject({ draft: { id: 'd1', revision: 3, updatedAt: 2 }, to: [{ email: 'not valid' }], doc: { type: 'doc' }, lastError: 'The key was rejected.', sign: false });
  });
  it('taken back from the outbox is its draft with the reply link it was sent with, and the notice', () => {
    const opened = editableFromSubmitted(submitted, draft, 'It left the Outbox.');
    expect(opened).toMatchObject({ draft: { id: 'd1' }, reply: { replyToHistoryId: 'h1' }, notice: 'It left the Outbox.' });
    expect(editableFromSubmitted(submitted, null, null)).toMatchObject({ draft: null, doc: '<p>Sent</p>', to: [{ email: 'ann@x.io' }] });
  });
});
