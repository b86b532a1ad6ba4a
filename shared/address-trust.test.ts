import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecipients } from './address.js';
import { nameFitsAddress, recipientLabel } from './address-display.js';
import { hasLineBreak, hiddenExtension, oneLine, revealBidi } from './inert-text.js';

describe('what a person typed becomes exactly that address, or is flagged with the reason', () => {
  it('does not turn javascript:alert(1)@x.io into alert@x.io', () => {
    const [entry, ...rest] = parseRecipients('javascript:alert(1)@x.io');
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ raw: 'javascript:alert(1)@x.io', address: null });
    expect(entry?.error).toBeTruthy();
    const [inner] = parseRecipients('alert(1)@x.io');
    expect(inner).toMatchObject({ address: null, error: 'has text in ( ) inside the address, which mail would drop and send to alert@x.io instead' });
  });

  it('says a pasted line break and second header are what they are', () => {
    const [entry, ...rest] = parseRecipients('ann@example.com\r\nBcc: evil@x.io');
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ address: null, error: 'holds a line break and a second header (Bcc:), which could add recipients you did not type' });
    for (const separator of ['\u000B', '\u0085', '\u2028', '\u2029']) {
      expect(parseRecipients(`Ann${separator}Lee <ann@x.io>`)[0]).toMatchObject({ address: null, error: 'holds a line break; an address is one line' });
    }
    // A pasted column of addresses is still several recipients.
    expect(parseRecipients('a@x.io\nb@y.io').map((e) => e.address?.email)).toEqual(['a@x.io', 'b@y.io']);
  });

  it('still reads groups, comments as names and quoted names', () => {
    expect(parseRecipients('Team: a@x.io, b@y.io; c@z.com').map((e) => e.address?.email)).toEqual(['a@x.io', 'b@y.io', 'c@z.com']);
    expect(parseRecipients('ann@x.io (Ann Lee)')[0]?.address).toEqual({ name: 'Ann Lee', email: 'ann@x.io' });
    expect(parseRecipients('"support@bank.com" <attacker@evil.com>')[0]?.address).toEqual({ name: 'support@bank.com', email: 'attacker@evil.com' });
  });

  it('property: every address found is written, as is, in what was typed; every entry is a piece of the input', () => {
    const unit = fc.constantFrom(...'abcxyz.@<>()":;, \\-_+\r\n\u000B\u2028'.split(''), 'ann@x.io', 'Bcc:', 'javascript:', '"Lee, C"', '(1)');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }).map((parts) => parts.join('')), (input) => {
        for (const entry of parseRecipients(input)) {
          expect(input).toContain(entry.raw);
          if (entry.address) {
            expect(entry.raw).toContain(entry.address.email);
            expect(hasLineBreak(entry.address.email)).toBe(false);
            expect(hasLineBreak(entry.address.name ?? '')).toBe(false);
          } else {
            expect(entry.error).toBeTruthy();
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('recipient labels', () => {
  it('shows the address beside a name that holds an @ or does not fit it', () => {
    expect(recipientLabel({ name: 'support@bank.com', email: 'attacker@evil.com' })).toEqual({ text: 'support@bank.com', address: 'attacker@evil.com' });
    expect(recipientLabel({ name: 'Your Bank', email: 'attacker@evil.com' })).toEqual({ text: 'Your Bank', address: 'attacker@evil.com' });
    expect(recipientLabel({ name: 'Ann Lee', email: 'ann.lee@northwind.example' })).toEqual({ text: 'Ann Lee', address: null });
    expect(recipientLabel({ email: 'ann@x.io' })).toEqual({ text: 'ann@x.io', address: null });
  });

  it('lets a name stand alone only when it fits its address', () => {
    expect(nameFitsAddress('Bea Buyer', 'bea@acme.example')).toBe(true);
    expect(nameFitsAddress('PayPal', 'service@paypal.com')).toBe(true);
    expect(nameFitsAddress('Jörg Müller', 'jorg@bucher.de')).toBe(true);
    expect(nameFitsAddress('John Smith', 'jsmith@x.io')).toBe(true);
    expect(nameFitsAddress('support＠bank.com', 'support@bank.com')).toBe(false);
    expect(nameFitsAddress('Bank Support', 'attacker@evil.com')).toBe(false);
  });

  it('shows direction controls in names as tokens', () => {
    expect(recipientLabel({ name: 'Ann \u202Eeel', email: 'x@evil.com' }).text).toBe('Ann ⟨RLO⟩eel');
  });
});

describe('inert text', () => {
  it('shows every direction control as a marked token', () => {
    expect(revealBidi('Invoice\u202Eexe.pdf')).toBe('Invoice⟨RLO⟩exe.pdf');
    expect(revealBidi('\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061C')).toBe('⟨LRE⟩⟨RLE⟩⟨PDF⟩⟨LRO⟩⟨LRI⟩⟨RLI⟩⟨FSI⟩⟨PDI⟩⟨LRM⟩⟨RLM⟩⟨ALM⟩');
    expect(revealBidi('Plain subject')).toBe('Plain subject');
  });

  it('states the real extension of a name that hides it', () => {
    expect(hiddenExtension('invoice 🧾 \u202Efdp.exe')).toBe('exe');
    expect(hiddenExtension('report.pdf')).toBeNull();
  });

  it('puts header fields on one line, whatever the line break', () => {
    expect(oneLine('Hello\r\nBcc: x\u000Bmore\u0085and\u2028the\u2029end')).toBe('Hello Bcc: x more and the end');
  });
});
