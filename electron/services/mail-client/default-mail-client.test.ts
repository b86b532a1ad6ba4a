import { describe, expect, it } from 'vitest';
import { mailClientStatus, needsSystemSettings } from './default-mail-client.js';

const facts = (platform: string, isDefault = false, available = true) => ({ platform, appName: 'Composer', available, isDefault });

describe('mailClientStatus', () => {
  it('offers the platform’s own wording when Composer is not the default', () => {
    expect(mailClientStatus(facts('darwin'))).toEqual({
      available: true,
      isDefault: false,
      actionLabel: 'Make Composer the default email reader',
      explanation: 'Email links on this computer open in another app. Make Composer the default email reader to open them here.',
    });
    expect(mailClientStatus(facts('linux')).actionLabel).toBe('Make Composer the default mail client');
    expect(mailClientStatus(facts('win32'))).toMatchObject({
      actionLabel: 'Open Windows Settings',
      explanation: 'To open email links in Composer, choose it as your default email app in Windows Settings, under Default apps.',
    });
  });

  it('offers nothing once Composer is the default, and says so', () => {
    expect(mailClientStatus(facts('darwin', true))).toEqual({
      available: true,
      isDefault: true,
      actionLabel: '',
      explanation: 'Composer is your default email reader: email links on this computer open here.',
    });
  });

  it('explains why a copy that cannot register (the harness) offers nothing', () => {
    expect(mailClientStatus(facts('linux', false, false))).toEqual({
      available: false,
      isDefault: false,
      actionLabel: '',
      explanation: 'Only the installed Composer app can become your default mail app; this copy cannot.',
    });
  });

  it('sends only Windows to the system settings', () => {
    expect(['darwin', 'linux', 'win32'].filter(needsSystemSettings)).toEqual(['win32']);
  });
});
