import { describe, expect, it } from 'vitest';
import { composeOpenFromMailto, composeOpenSchema } from './compose-open.js';

describe('composeOpenFromMailto', () => {
  it('fills the composer from a link, with no notice', () => {
    const request = composeOpenFromMailto('mailto:ann@x.io?cc=b@y.org&bcc=c@z.com&subject=Hi&body=Line%201%0D%0ALine%202');
    expect(request).toEqual({
      to: [{ email: 'ann@x.io' }],
      cc: [{ email: 'b@y.org' }],
      bcc: [{ email: 'c@z.com' }],
      subject: 'Hi',
      body: 'Line 1\nLine 2',
      invalid: [],
      notice: null,
    });
    expect(composeOpenSchema.parse(request)).toEqual(request);
  });

  it('opens an empty composer with the reason when the link cannot be read', () => {
    const request = composeOpenFromMailto('mailto:ann%ZZ@x.io?subject=Hi');
    expect(request).toMatchObject({ to: [], cc: [], bcc: [], subject: '', body: '', invalid: [] });
    expect(request.notice).toMatch(/^A mail link could not be opened: .*broken %-escape/);
    expect(composeOpenFromMailto('https://x.io').notice).toMatch(/does not start with mailto:/);
  });

  it('keeps recipients that are not addresses and names them in the notice', () => {
    const one = composeOpenFromMailto('mailto:ann@x.io,not-an-address?subject=Hi');
    expect(one.to).toEqual([{ email: 'ann@x.io' }]);
    expect(one.invalid).toEqual(['not-an-address']);
    expect(one.notice).toBe('The mail link had a recipient that is not an email address (“not-an-address”); check it before sending.');
    const many = composeOpenFromMailto('mailto:a,b?cc=c,d,e');
    expect(many.invalid).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(many.notice).toContain('(“a”, “b”, “c” and 2 more); check them');
  });
});
