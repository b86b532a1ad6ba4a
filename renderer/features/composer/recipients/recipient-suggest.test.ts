import { describe, expect, it } from 'vitest';
import { suggestionPrefix, suggestionText, withoutPresent } from './recipient-suggest.js';

const at = { count: 1, lastAt: 0 };

describe('recipient suggestions', () => {
  it('asks from the second character of a single address being typed', () => {
    expect(suggestionPrefix('b')).toBeNull();
    expect(suggestionPrefix(' be ')).toBe('be');
    expect(suggestionPrefix('bea@x.io, co')).toBeNull();
    expect(suggestionPrefix('Bea <bea')).toBeNull();
  });

  it('leaves out who is already a recipient, whatever the case', () => {
    const list = [{ email: 'bea@acme.example', ...at }, { email: 'ben@acme.example', ...at }];
    expect(withoutPresent(list, ['BEA@acme.example']).map((s) => s.email)).toEqual(['ben@acme.example']);
  });

  it('keeps the name, quoted when it holds a comma', () => {
    expect(suggestionText({ email: 'bea@acme.example', name: 'Bea Buyer', ...at })).toBe('Bea Buyer <bea@acme.example>');
    expect(suggestionText({ email: 'lee@acme.example', name: 'Lee, C', ...at })).toBe('"Lee, C" <lee@acme.example>');
    expect(suggestionText({ email: 'x@acme.example', ...at })).toBe('x@acme.example');
  });
});
