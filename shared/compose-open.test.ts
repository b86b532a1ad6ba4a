import { describe, expect, it } from 'vitest';
import { composeOpenFromMailto } from './compose-open.js';
import { editableMessageSchema } from './editable-message.js';

describe('composeOpenFromMailto', () => {
  it('fills the composer from a link, signed, with no notice', () => {
    const message = composeOpenFromMailto('mailto:ann@x.io?cc=b@y.org&bcc=c@z.com&subject=Hi&body=Line%201%0D%0ALine%202');
    expect(message).toMatchObject({
      to: [{ email: 'ann@x.io' }],
      cc: [{ email: 'b@y.org' }],
      bcc: [{ email: 'c@z.com' }],
      showCc: true,
      showBcc: true,
      subject: 'Hi',
      doc: '<p>Line 1<br>Line 2</p>',
      draft: null,
      sign: true,
      notice: null,
    });
    expect(editableMessageSchema.parse(message)).toEqual(message);
  });

  it('opens an empty composer with the reason when the link cannot be read', () => {
    const message = composeOpenFromMailto('mailto:ann%ZZ@x.io?subject=Hi');
    expect(message).toMatchObject({ to: [], cc: [], bcc: [], subject: '', doc: '<p></p>' });
    expect(message.notice).toMatch(/^A mail link could not be opened: .*broken %-escape/);
    expect(composeOpenFromMailto('https://x.io').notice).toMatch(/does not start with mailto:/);
  });

  it('keeps recipients that are not addresses in To, as written, and names them in the notice', () => {
    const one = composeOpenFromMailto('mailto:ann@x.io,not-an-address?subject=Hi');
    expect(one.to).toEqual([{ email: 'ann@x.io' }, { email: 'not-an-address' }]);
    expect(one.notice).toBe('The mail link had a recipient that is not an email address (“not-an-address”); check it before sending.');
    const many = composeOpenFromMailto('mailto:a,b?cc=c,d,e');
    expect(many.to.map((r) => r.email)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(many.notice).toContain('(“a”, “b”, “c” and 2 more); check them');
  });
});
