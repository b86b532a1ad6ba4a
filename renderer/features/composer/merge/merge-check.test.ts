import { describe, expect, it } from 'vitest';
import { bodyFieldsOf, checkMerge, personalize } from './merge-check.js';
import { addChips, chipsFrom, type RecipientLists } from '../recipients/recipients.js';

function to(input: string): RecipientLists {
  return addChips({ to: [], cc: [], bcc: [] }, 'to', chipsFrom(input)).lists;
}

describe('merge check', () => {
  const body = bodyFieldsOf('Hi {{first_name}}, re {{invoice_number | "your invoice"}} for {{company}}');

  it('names the field with no value and no fallback, for whom, and marks it', () => {
    const check = checkMerge({ subject: 'Invoice', bodyFields: body, lists: to('Ann Lee <ann@acme.io>'), mergeTable: '', individually: false });
    expect([...check.missing]).toEqual(['company']);
    expect(check.blockers.map((b) => b.message)).toEqual([expect.stringContaining('{{company}} has no value for ann@acme.io')]);
  });

  it('is satisfied by a pasted column, and blocks again for a recipient the table lacks', () => {
    const table = 'email,company\nann@acme.io,Acme';
    expect(checkMerge({ subject: '', bodyFields: body, lists: to('Ann Lee <ann@acme.io>'), mergeTable: table, individually: false }).blockers).toEqual([]);
    const two = checkMerge({ subject: '{{company}}', bodyFields: body, lists: to('Ann Lee <ann@acme.io>, Bo Li <bo@x.io>'), mergeTable: table, individually: true });
    expect(two.blockers.map((b) => b.message)).toEqual([expect.stringContaining('{{company}} has no value for bo@x.io')]);
  });

  it('asks for Send individually when several To recipients would share one filling', () => {
    const check = checkMerge({ subject: '', bodyFields: bodyFieldsOf('{{email}}'), lists: to('a@x.io, b@x.io'), mergeTable: '', individually: false });
    expect(check.blockers[0]?.message).toContain('Send individually');
  });

  it('says what is wrong with the pasted table only when the message uses fields', () => {
    expect(checkMerge({ subject: '', bodyFields: [], lists: to('a@x.io'), mergeTable: 'name\nAnn', individually: false }).blockers).toEqual([]);
    expect(checkMerge({ subject: '', bodyFields: body, lists: to('a@x.io'), mergeTable: 'name\nAnn', individually: false }).blockers[0]?.message).toContain('no "email" column');
  });

  it('fills subject, HTML and text for the recipient', () => {
    const message = { accountId: 'a', to: [{ email: 'ann@acme.io', name: 'Ann Lee' }], cc: [], bcc: [], attachments: [], subject: 'For {{company}}', html: '<p>Hi {{first_name}}</p>', text: 'Hi {{first_name}}' };
    const filled = personalize(message, { email: 'ann@acme.io', name: 'Ann Lee' }, checkMerge({ subject: '', bodyFields: [], lists: to('x@y.io'), mergeTable: 'email,company\nann@acme.io,A&B', individually: false }).table);
    expect([filled.subject, filled.html, filled.text]).toEqual(['For A&B', '<p>Hi Ann</p>', 'Hi Ann']);
  });
});
