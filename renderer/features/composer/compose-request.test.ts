import { describe, expect, it } from 'vitest';
import { composeOpenFromMailto } from '../../../shared/compose-open.js';
import { plainTextToHtml } from './compose-request.js';
import { initialComposerState, withComposeRequest, type ComposerState } from './store.js';

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

describe('plainTextToHtml', () => {
  it('keeps single line breaks inside a paragraph and splits paragraphs on blank lines', () => {
    expect(plainTextToHtml('Hi Ann,\r\n\r\nSee you at 5.\nBob')).toBe('<p>Hi Ann,</p><p>See you at 5.<br>Bob</p>');
  });
  it('shows markup in the body as text, never as HTML', () => {
    expect(plainTextToHtml('<img src=x onerror=alert(1)> & "q"')).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;</p>');
  });
  it('gives nothing for an empty or blank body', () => {
    expect(plainTextToHtml(' \n \n')).toBe('');
  });
});

describe('withComposeRequest', () => {
  it('starts a new message with the link’s recipients, subject and body on the same account', () => {
    const request = composeOpenFromMailto('mailto:ann@x.io,bob@y.org?cc=c@z.com&bcc=d@w.net&subject=Caf%C3%A9&body=Line%201%0D%0ALine%202');
    const next = withComposeRequest(written, request, '');
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
    const next = withComposeRequest(written, composeOpenFromMailto('mailto:ann@x.io'), '');
    expect(next.draftId).toBeNull();
    expect(next.revision).toBeNull();
    expect(next.generation).toBe(5);
    expect(next.doc).toBe('<p></p>');
    expect(next.lastSent).toEqual(written.lastSent);
  });

  it('puts the account’s signature below the body as a signature block', () => {
    const next = withComposeRequest(written, composeOpenFromMailto('mailto:ann@x.io?body=Hi'), '<p>-- Bea</p>');
    expect(next.doc).toBe('<p>Hi</p><div data-signature><p>-- Bea</p></div>');
  });

  it('keeps recipients that are not addresses as invalid To chips and says so', () => {
    const request = composeOpenFromMailto('mailto:ann@x.io,not-an-address?subject=Hi');
    const next = withComposeRequest(written, request, '');
    expect(next.lists.to.map((c) => [c.raw, c.address === null])).toEqual([
      ['ann@x.io', false],
      ['not-an-address', true],
    ]);
    expect(next.remark).toContain('not-an-address');
  });

  it('opens an empty composer with the reason for a malformed link', () => {
    const next = withComposeRequest(written, composeOpenFromMailto('mailto:ann@x.io?subject=%E2%82'), '');
    expect(next.lists.to).toEqual([]);
    expect(next.subject).toBe('');
    expect(next.remark).toMatch(/^A mail link could not be opened: /);
  });
});
