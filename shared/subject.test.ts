import { describe, expect, it } from 'vitest';
import { forwardSubject, normalizeSubject, replySubject } from './subject.js';

describe('normalizeSubject', () => {
  it.each([
    ['Invoice 42', 'invoice 42'],
    ['Re: Invoice 42', 'invoice 42'],
    ['RE: RE: re: Invoice 42', 'invoice 42'],
    ['Fwd: Invoice 42', 'invoice 42'],
    ['FW: Re: Invoice 42', 'invoice 42'],
    ['RE[2]: Invoice 42', 'invoice 42'],
    ['Re(3): Re^2: Invoice 42', 'invoice 42'],
    ['  Re :   Invoice    42  ', 'invoice 42'],
    ['AW: WG: Rechnung März', 'rechnung märz'], // German
    ['SV: VS: Faktura', 'faktura'], // Swedish / Norwegian / Danish
    ['VB: Lasku', 'lasku'], // Swedish forward
    ['Antw: Doorst: Factuur', 'factuur'], // Dutch
    ['Réf. : TR: Facture impayée', 'facture impayée'], // French
    ['RV: RE: Factura', 'factura'], // Spanish
    ['R: I: Fattura', 'i: fattura'], // Italian: R: is stripped, the rare "I:" is kept on purpose
    ['Enc: RES: Fatura', 'fatura'], // Portuguese
    ['Odp: PD: Faktura', 'faktura'], // Polish
    ['YNT: İLT: Fatura', 'fatura'], // Turkish
    ['Ответ: Пересл: Счёт', 'счёт'], // Russian
    ['ΑΠ: ΣΧΕΤ: Τιμολόγιο', 'τιμολόγιο'], // Greek
    ['回复：转发：发票', '发票'], // Chinese, full-width colons
    ['返信: 転送: 請求書', '請求書'], // Japanese
    ['답장: 전달: 청구서', '청구서'], // Korean
    ['השב: הועבר: חשבונית', 'חשבונית'], // Hebrew
    ['ＲＥ： Ｉｎｖｏｉｃｅ', 'invoice'], // full-width Latin letters
    ['Result: the numbers', 'result: the numbers'], // a word that starts like a marker is not one
    ['Trip report', 'trip report'],
    ['Re:', ''],
    ['', ''],
  ])('%j -> %j', (subject, key) => {
    expect(normalizeSubject(subject)).toBe(key);
  });
});

describe('reply and forward subjects', () => {
  it('adds one Re: and keeps the original wording', () => {
    expect(replySubject('Invoice 42')).toBe('Re: Invoice 42');
    expect(replySubject('RE: Invoice 42')).toBe('RE: Invoice 42');
    expect(replySubject('Fwd: Invoice 42')).toBe('Re: Fwd: Invoice 42');
    expect(replySubject('')).toBe('Re:');
  });

  it('adds one Fwd: unless the subject already says it was forwarded', () => {
    expect(forwardSubject('Invoice 42')).toBe('Fwd: Invoice 42');
    expect(forwardSubject('FW: Invoice 42')).toBe('FW: Invoice 42');
    expect(forwardSubject('Re: Invoice 42')).toBe('Fwd: Re: Invoice 42');
  });
});
