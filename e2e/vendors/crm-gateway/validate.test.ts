import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBase64 } from './validate.js';

/** The pattern ajv-formats uses for `byte`, which the simulator's check replaces for large files. */
const BYTE = /^(?:[a-z0-9+/]{4})*(?:[a-z0-9+/]{2}==|[a-z0-9+/]{3}=)?$/i;
const alphabet = fc.constantFrom(...'ABCxyz019+/=-_ \n'.split(''));

describe('the gateway simulator’s base64 check', () => {
  it('agrees with the byte format’s pattern on any short string, and takes every encoding of any bytes', () => {
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 14 }).map((chars) => chars.join('')), (value) => {
        expect(isBase64(value)).toBe(BYTE.test(value));
      }), { numRuns: 2000 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(isBase64(Buffer.from(bytes).toString('base64'))).toBe(true);
      }),
    );
  });

  it('judges a 25 MB attachment’s base64 without overflowing the stack', () => {
    expect(isBase64(Buffer.alloc(25 * 1024 * 1024, 7).toString('base64'))).toBe(true);
  });
});
