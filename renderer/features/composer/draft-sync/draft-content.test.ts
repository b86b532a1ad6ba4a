import { describe, expect, it } from 'vitest';
import { addChips, chipsFrom, type RecipientLists } from '../recipients/recipients.js';
import { NO_EXTRAS } from '../../../../shared/vendor-extras.js';
import { draftContentOf, fieldsOfDraft, isBlankDraft } from './draft-content.js';

const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] };

describe('draft content', () => {
  it('keeps valid chips as addresses and invalid ones exactly as typed, and brings both back', () => {
    let lists: RecipientLists = { to: [], cc: [], bcc: [] };
    lists = addChips(lists, 'to', chipsFrom('"Lee, C" <c@z.com>, broken@')).lists;
    lists = addChips(lists, 'cc', chipsFrom('dan@x.io')).lists;
    const content = draftContentOf({ accountId: 'a1', lists, subject: 'Hi', showCc: true, showBcc: false, attachments: [], reply: null, mergeTable: '', extras: NO_EXTRAS }, doc);
    expect(content.to).toEqual([{ name: 'Lee, C', email: 'c@z.com' }, { email: 'broken@' }]);
    const back = fieldsOfDraft(content);
    expect(back.lists.to.map((c) => [c.raw, c.error === null])).toEqual([
      ['"Lee, C" <c@z.com>', true],
      ['broken@', false],
    ]);
    expect(back.lists.cc[0]?.address).toEqual({ email: 'dan@x.io' });
    expect(back.showCc).toBe(true);
  });

  it('calls a composer with only a signature blank, and anything typed not blank', () => {
    const onlySignature = { type: 'doc', content: [{ type: 'paragraph' }, { type: 'signature', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ann' }] }] }] };
    const fields = { accountId: 'a1', lists: { to: [], cc: [], bcc: [] }, subject: '', showCc: false, showBcc: false, attachments: [], reply: null, mergeTable: '', extras: NO_EXTRAS };
    expect(isBlankDraft(draftContentOf(fields, onlySignature))).toBe(true);
    expect(isBlankDraft(draftContentOf(fields, doc))).toBe(false);
    expect(isBlankDraft(draftContentOf({ ...fields, subject: 'x' }, onlySignature))).toBe(false);
    expect(isBlankDraft(draftContentOf({ ...fields, mergeTable: 'email\nann@x.io' }, onlySignature))).toBe(false);
    expect(isBlankDraft(draftContentOf({ ...fields, extras: { crm: { contactId: '3b241101' }, tracking: false } }, onlySignature))).toBe(false);
  });

  it('keeps the “Log to” ids as typed and the tracking switch, and brings them back', () => {
    const extras = { crm: { contactId: 'not-yet-a-uuid', dealId: '' }, tracking: true };
    const fields = { accountId: 'a1', lists: { to: [], cc: [], bcc: [] }, subject: '', showCc: false, showBcc: false, attachments: [], reply: null, mergeTable: '', extras };
    expect(fieldsOfDraft(draftContentOf(fields, doc)).extras).toEqual(extras);
    expect(draftContentOf({ ...fields, extras: NO_EXTRAS }, doc).extras).toBeUndefined();
  });

  it('keeps the pasted merge table exactly as pasted and brings it back', () => {
    const pasted = 'email\tcompany\r\nann@x.io\t"Acme, Inc."\n';
    const fields = { accountId: 'a1', lists: { to: [], cc: [], bcc: [] }, subject: '', showCc: false, showBcc: false, attachments: [], reply: null, mergeTable: pasted, extras: NO_EXTRAS };
    expect(fieldsOfDraft(draftContentOf(fields, doc)).mergeTable).toBe(pasted);
    expect(draftContentOf({ ...fields, mergeTable: '' }, doc).mergeTable).toBeUndefined();
  });

  it('keeps a reply’s thread link, so a reply reopened as a draft still threads when sent', () => {
    const reply = { inReplyTo: { remoteId: 'msg_1', remoteThreadId: 'thr_1' }, replyToHistoryId: 'h1' };
    const fields = { accountId: 'a1', lists: { to: [], cc: [], bcc: [] }, subject: 'Re: x', showCc: false, showBcc: false, attachments: [], reply, mergeTable: '', extras: NO_EXTRAS };
    const content = draftContentOf(fields, doc);
    expect(content.reply).toEqual(reply);
    expect(fieldsOfDraft(content).reply).toEqual(reply);
    expect(fieldsOfDraft(draftContentOf({ ...fields, reply: null }, doc)).reply).toBeNull();
  });
});
