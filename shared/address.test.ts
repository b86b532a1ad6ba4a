import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressSpecProblem } from './address-check.js';
import { formatAddress, isBareMailbox, isValidEmail, parseAddress, parseRecipients, isPlainAddress } from './address.js';

/** [what the user typed, the address it becomes | the reason it is refused] */
const table: Array<[string, { name?: string; email: string } | string]> = [
  ['ann@example.com', { email: 'ann@example.com' }],
  ['first.last+tag@mail.example.co.uk', { email: 'first.last+tag@mail.example.co.uk' }],
  ['ann+newsletters+2024@x.io', { email: 'ann+newsletters+2024@x.io' }],
  ['Ann Lee <ann@x.io>', { name: 'Ann Lee', email: 'ann@x.io' }],
  ['Ann Lee<ann@x.io>', { name: 'Ann Lee', email: 'ann@x.io' }],
  ['<ann@x.io>', { email: 'ann@x.io' }],
  ['"Lee, C" <c@z.com>', { name: 'Lee, C', email: 'c@z.com' }],
  ['"Doe; Jane (HR)" <jane@x.io>', { name: 'Doe; Jane (HR)', email: 'jane@x.io' }],
  ['"Say \\"hi\\"" <hi@x.io>', { name: 'Say "hi"', email: 'hi@x.io' }],
  ['A. Lee <a@x.io>', { name: 'A. Lee', email: 'a@x.io' }],
  ['ann@x.io (Ann Lee)', { name: 'Ann Lee', email: 'ann@x.io' }],
  ['Ann (work) <ann@x.io>', { name: 'Ann', email: 'ann@x.io' }],
  ['"odd name"@example.org', { email: '"odd name"@example.org' }],
  ['ANN@EXAMPLE.COM', { email: 'ANN@EXAMPLE.COM' }],
  ['o\'brien@x.ie', { email: 'o\'brien@x.ie' }],
  ['x@a-b.io', { email: 'x@a-b.io' }],
  ['ann@bücher.de', { email: 'ann@bücher.de' }],
  ['Jörg Müller <jörg@bücher.de>', { name: 'Jörg Müller', email: 'jörg@bücher.de' }],
  ['用户@例子.广告', { email: '用户@例子.广告' }],
  ['ann@xn--bcher-kva.de', { email: 'ann@xn--bcher-kva.de' }],
  ['  bob@y.org  ', { email: 'bob@y.org' }],
  ['ann', 'is missing the @'],
  ['ann.example.com', 'is missing the @'],
  ['ann@', 'has no domain after the @'],
  ['@example.com', 'has nothing before the @'],
  ['ann@@example.com', 'has more than one @'],
  ['ann@x@example.com', 'has more than one @'],
  ['ann@example', 'has no domain ending such as .com'],
  ['ann@localhost', 'has no domain ending such as .com'],
  ['ann@example.com.', 'ends with a dot'],
  ['ann.@example.com', 'has a dot just before the @'],
  ['.ann@example.com', 'starts with a dot'],
  ['a..b@example.com', 'has two dots in a row'],
  ['ann@example..com', 'has two dots in a row'],
  ['ann@.example.com', 'has a dot right after the @'],
  ['ann@exa mple.com', 'has a space in it'],
  ['ann @ example.com', 'has a space in it'],
  ['ann@-example.com', 'has a domain part that starts or ends with a hyphen'],
  ['ann@ex_ample.com', 'has a character a domain name cannot contain (_)'],
  ['ann@[192.168.0.1]', 'uses an IP address instead of a domain name'],
  ['ann@10.0.0.1', 'ends in a number instead of a domain ending such as .com'],
  [`${'a'.repeat(65)}@example.com`, 'has more than 64 characters before the @'],
  ['Ann <ann@x.io', 'has a < without its closing >'],
  ['Ann ann@x.io>', 'has a > without its opening <'],
  ['"Ann <ann@x.io>', 'has an unclosed quote'],
  ['Ann <ann@x.io> trailing', 'has text after the closing >'],
  ['Ann Lee ann@x.io', 'has a name that needs the address in < > after it'],
  ['Ann <ann>', 'is missing the @'],
  ['ann@x.io (Ann Lee', 'has a ( without its closing )'],
  [`${'a.'.repeat(400)}@example.com`, 'is too long to be an email address'],
  ['Bob <not-an-address@>', 'has no domain after the @'],
];

describe('recipient entries (email-addresses parser + reasons)', () => {
  it('has a table of at least 40 addresses', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  it.each(table)('%s', (raw, expected) => {
    const entries = parseRecipients(raw);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    if (typeof expected === 'string') {
      expect(entry).toEqual({ raw: raw.trim(), address: null, error: expected });
      expect(parseAddress(raw)).toBeNull();
    } else {
      expect(entry).toEqual({ raw: raw.trim(), address: expected, error: null });
      expect(parseAddress(raw)).toEqual(expected);
    }
  });
});

describe('isValidEmail (bare addresses only)', () => {
  it.each(['ann@example.com', '"odd name"@example.org', 'x@a-b.io', 'ann@bücher.de', 'a+b@x.io'])('accepts %s', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });
  it.each(['', 'ann', 'Ann <ann@x.io>', 'ann@x.io (Ann)', ' ann@x.io', 'ann @x.io', 'ann@example', 'ann@-example.com', 'a..b@example.com', 'ann@[1.2.3.4]'])(
    'rejects %j',
    (email) => {
      expect(isValidEmail(email)).toBe(false);
    },
  );
});

describe('the plain-address shortcut', () => {
  const atom = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,12}$/);
  const label = fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9-]{0,10}[A-Za-z0-9])?$/);
  const plain = fc.tuple(fc.array(atom, { minLength: 1, maxLength: 3 }), fc.array(label, { minLength: 2, maxLength: 4 })).map(([local, host]) => `${local.join('.')}@${host.join('.')}`);

  it('agrees with the RFC 5322 parser on every address it lets past', () => {
    fc.assert(
      fc.property(fc.oneof(plain, fc.emailAddress(), fc.string({ maxLength: 40 })), (email) => {
        if (isPlainAddress(email)) expect(isBareMailbox(email)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads a plain address typed as a recipient as exactly that address, as the parser would', () => {
    fc.assert(
      fc.property(plain, (email) => {
        const [entry] = parseRecipients(email);
        const parserTakesIt = isBareMailbox(email) && addressSpecProblem(email) === null;
        if (parserTakesIt) expect(entry).toEqual({ raw: email, address: { email }, error: null });
        else expect(entry).toEqual({ raw: email, address: null, error: addressSpecProblem(email) });
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('parseRecipients on lists', () => {
  const emails = (input: string) => parseRecipients(input).map((e) => e.address?.email ?? `!${e.raw}`);

  it('splits the issue example into three chips, keeping the comma inside quotes', () => {
    expect(parseRecipients('Ann <ann@x.io>, bob@y.org; "Lee, C" <c@z.com>')).toEqual([
      { raw: 'Ann <ann@x.io>', address: { name: 'Ann', email: 'ann@x.io' }, error: null },
      { raw: 'bob@y.org', address: { email: 'bob@y.org' }, error: null },
      { raw: '"Lee, C" <c@z.com>', address: { name: 'Lee, C', email: 'c@z.com' }, error: null },
    ]);
  });

  it('does not split inside comments or angle brackets', () => {
    expect(emails('ann@x.io (Lee, Ann; HR), Bob <bob@y.org>')).toEqual(['ann@x.io', 'bob@y.org']);
  });

  it('expands groups to their members and keeps what follows', () => {
    expect(emails('Team: a@x.io, b@y.io; c@z.com')).toEqual(['a@x.io', 'b@y.io', 'c@z.com']);
    expect(emails('"Sales, EU": Ann <a@x.io>;')).toEqual(['a@x.io']);
    expect(emails('undisclosed-recipients:;')).toEqual([]);
  });

  it('keeps a bad entry with its reason between good ones', () => {
    const entries = parseRecipients('ann@x.io, bob@, carl@z.com');
    expect(entries.map((e) => e.error)).toEqual([null, 'has no domain after the @', null]);
    expect(entries[1]?.raw).toBe('bob@');
  });

  it('splits a pasted column or space-separated addresses', () => {
    expect(emails('ann@x.io\nbob@y.org\r\ncarl@z.com')).toEqual(['ann@x.io', 'bob@y.org', 'carl@z.com']);
    expect(emails('ann@x.io bob@y.org')).toEqual(['ann@x.io', 'bob@y.org']);
  });

  it('ignores empty pieces and answers nothing for blank input', () => {
    expect(emails(' , ;; ,')).toEqual([]);
    expect(emails('ann@x.io,,')).toEqual(['ann@x.io']);
  });

  it('keeps an unclosed quote in one entry instead of cutting the text', () => {
    const entries = parseRecipients('"Lee, C <c@z.com>, bob@y.org');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.error).toBe('has an unclosed quote');
  });
});

describe('formatAddress', () => {
  it('quotes display names that need it and round-trips through parseAddress', () => {
    expect(formatAddress({ name: 'Doe, Jane', email: 'jane@example.com' })).toBe('"Doe, Jane" <jane@example.com>');
    expect(formatAddress({ name: 'Ann', email: 'ann@example.com' })).toBe('Ann <ann@example.com>');
    expect(formatAddress({ email: 'ann@example.com' })).toBe('ann@example.com');
    const tricky = { name: 'Say "hi", \\ there', email: 'hi@x.io' };
    expect(parseAddress(formatAddress(tricky))).toEqual(tricky);
  });
});
