import { describe, expect, it } from 'vitest';
import { formatAddress, isValidEmail, parseAddress } from './address.js';

describe('email addresses', () => {
  it.each(['ann@example.com', 'first.last+tag@mail.example.co.uk', '"odd name"@example.org', 'x@a-b.io'])('accepts %s', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });
  it.each(['', 'ann', 'ann@', '@example.com', 'ann@example', 'ann@@example.com', 'ann@exa mple.com', 'ann@-example.com', 'a..b@example.com', `${'a'.repeat(65)}@example.com`])(
    'rejects %s',
    (email) => {
      expect(isValidEmail(email)).toBe(false);
    },
  );

  it('parses and formats display names, quoting when needed', () => {
    expect(parseAddress('Ann Lee <ann@example.com>')).toEqual({ name: 'Ann Lee', email: 'ann@example.com' });
    expect(parseAddress('"Doe, Jane" <jane@example.com>')).toEqual({ name: 'Doe, Jane', email: 'jane@example.com' });
    expect(parseAddress(' bob@example.com ')).toEqual({ email: 'bob@example.com' });
    expect(parseAddress('Bob <not-an-address>')).toBeNull();
    expect(formatAddress({ name: 'Doe, Jane', email: 'jane@example.com' })).toBe('"Doe, Jane" <jane@example.com>');
    expect(formatAddress({ name: 'Ann', email: 'ann@example.com' })).toBe('Ann <ann@example.com>');
    expect(formatAddress({ email: 'ann@example.com' })).toBe('ann@example.com');
  });
});
