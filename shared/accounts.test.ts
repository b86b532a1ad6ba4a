import { describe, expect, it } from 'vitest';
import { accountSettingsSchema, withHttpsScheme } from './accounts.js';

describe('the Unipile DSN', () => {
  it('is accepted as the dashboard shows it, host:port, and gets https://', () => {
    const parsed = accountSettingsSchema.parse({ provider: 'unipile', baseUrl: 'api1.unipile.com:13111', accountId: 'Xz81QmA' });
    expect(parsed).toMatchObject({ baseUrl: 'https://api1.unipile.com:13111' });
  });

  it('keeps a scheme that was typed, and still refuses plain http to another machine', () => {
    expect(withHttpsScheme('https://api2.unipile.com:13222')).toBe('https://api2.unipile.com:13222');
    expect(withHttpsScheme('  api1.unipile.com:13111 ')).toBe('https://api1.unipile.com:13111');
    expect(withHttpsScheme('not a host')).toBe('not a host');
    expect(accountSettingsSchema.safeParse({ provider: 'unipile', baseUrl: 'http://api1.unipile.com:13111', accountId: 'x' }).success).toBe(false);
  });
});
