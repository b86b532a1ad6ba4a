import { describe, expect, it } from 'vitest';
import { toIsoWithOffset } from './SendLater.js';

describe('send-later time', () => {
  it('names the same instant as the local time picked, with the machine offset', () => {
    const iso = toIsoWithOffset('2031-03-04T09:05');
    expect(iso).toMatch(/^2031-03-04T09:05:00[+-]\d{2}:\d{2}$/);
    expect(Date.parse(iso!)).toBe(new Date('2031-03-04T09:05').getTime());
  });

  it('keeps seconds when the field carries them', () => {
    const iso = toIsoWithOffset('2031-03-04T09:05:42');
    expect(iso).toMatch(/^2031-03-04T09:05:42[+-]\d{2}:\d{2}$/);
    expect(Date.parse(iso!)).toBe(new Date('2031-03-04T09:05:42').getTime());
  });

  it('answers null for what is not a time', () => {
    expect(toIsoWithOffset('')).toBeNull();
  });
});
