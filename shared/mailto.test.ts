import { describe, expect, it } from 'vitest';
import { parseMailto, type MailtoFields } from './mailto.js';

const empty: MailtoFields = { to: [], cc: [], bcc: [], subject: '', body: '', invalid: [] };

/** [link, the fields it fills (only those that differ from an empty composer)] */
const good: Array<[string, Partial<MailtoFields>]> = [
  ['mailto:ann@x.io', { to: [{ email: 'ann@x.io' }] }],
  ['MAILTO:ann@x.io', { to: [{ email: 'ann@x.io' }] }],
  ['mailto:', {}],
  ['mailto:?subject=Hi', { subject: 'Hi' }],
  ['mailto:ann@x.io,bob@y.org', { to: [{ email: 'ann@x.io' }, { email: 'bob@y.org' }] }],
  ['mailto:ann@x.io?to=bob@y.org&to=carl@z.com', { to: [{ email: 'ann@x.io' }, { email: 'bob@y.org' }, { email: 'carl@z.com' }] }],
  ['mailto:ann@x.io?cc=b@y.org&bcc=c@z.com,d@w.net', { to: [{ email: 'ann@x.io' }], cc: [{ email: 'b@y.org' }], bcc: [{ email: 'c@z.com' }, { email: 'd@w.net' }] }],
  ['mailto:ann@x.io?CC=b@y.org&Subject=Hello&BODY=Hi', { to: [{ email: 'ann@x.io' }], cc: [{ email: 'b@y.org' }], subject: 'Hello', body: 'Hi' }],
  ['mailto:ann@x.io?subject=Caf%C3%A9%20%E2%98%95&body=Gr%C3%BC%C3%9Fe', { to: [{ email: 'ann@x.io' }], subject: 'Café ☕', body: 'Grüße' }],
  ['mailto:ann@x.io?body=line%201%0D%0Aline%202%0D%0A%0D%0Aend', { to: [{ email: 'ann@x.io' }], body: 'line 1\nline 2\n\nend' }],
  ['mailto:ann@x.io?body=a%0Ab%0Dc', { to: [{ email: 'ann@x.io' }], body: 'a\nb\nc' }],
  ['mailto:ann+news@x.io?subject=1+1%3D2', { to: [{ email: 'ann+news@x.io' }], subject: '1+1=2' }],
  ['mailto:%22Lee%2C%20C%22%20%3Cc@z.com%3E', { to: [{ name: 'Lee, C', email: 'c@z.com' }] }],
  ['mailto:j%C3%B6rg@b%C3%BCcher.de', { to: [{ email: 'jörg@bücher.de' }] }],
  ['mailto:ann@x.io?in-reply-to=%3C3469A91.D10AF4C@example.com%3E&subject=Re', { to: [{ email: 'ann@x.io' }], subject: 'Re' }],
  ['mailto:ann@x.io?X-Evil=1&references=%3Ca@b%3E&from=boss@x.io', { to: [{ email: 'ann@x.io' }] }],
  ['mailto:ann@x.io?subject=Hi%0D%0ABcc:%20spy@evil.example', { to: [{ email: 'ann@x.io' }], subject: 'Hi Bcc: spy@evil.example' }],
  ['mailto:ann@x.io?subject=first&subject=second', { to: [{ email: 'ann@x.io' }], subject: 'first' }],
  ['mailto:ann@x.io,not-an-address?cc=bob@', { to: [{ email: 'ann@x.io' }], invalid: ['not-an-address', 'bob@'] }],
  ['mailto://ann@x.io', { to: [{ email: 'ann@x.io' }] }],
  ['mailto:ann@x.io#fragment', { to: [{ email: 'ann@x.io' }] }],
  ['  mailto:ann@x.io?&&subject=Hi&  ', { to: [{ email: 'ann@x.io' }], subject: 'Hi' }],
  ['mailto:ann@x.io?body=', { to: [{ email: 'ann@x.io' }] }],
  ['mailto:?to=ann@x.io&body=%E4%BD%A0%E5%A5%BD', { to: [{ email: 'ann@x.io' }], body: '你好' }],
];

const bad: Array<[unknown, RegExp]> = [
  ['https://x.io', /does not start with mailto:/],
  ['', /does not start with mailto:/],
  ['ann@x.io', /does not start with mailto:/],
  ['mailto:ann%ZZ@x.io', /broken %-escape in its address/],
  ['mailto:ann@x.io?subject=%E2%82', /broken %-escape in its subject/],
  ['mailto:ann@x.io?bo%dy=x', /broken %-escape in its header/],
  [`mailto:ann@x.io?body=${'a'.repeat(300 * 1024)}`, /too long/],
  [42, /not text/],
];

describe('parseMailto', () => {
  it('has a table of at least 20 links', () => {
    expect(good.length + bad.length).toBeGreaterThanOrEqual(20);
  });

  it.each(good)('%s', (link, fields) => {
    expect(parseMailto(link)).toEqual({ ok: true, value: { ...empty, ...fields } });
  });

  it.each(bad)('refuses %j with a reason', (link, reason) => {
    const result = parseMailto(link as string);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
