import type { MailClientStatus } from '../../../shared/mail-client.js';

/** What the system reports and what the app can do about it. */
export interface MailClientFacts {
  platform: string;
  appName: string;
  /** Whether this runtime can register as a handler at all. */
  available: boolean;
  isDefault: boolean;
}

/** Windows 10 and later let only the person pick defaults; the app can only open the right page of Settings. */
export function needsSystemSettings(platform: string): boolean {
  return platform === 'win32';
}

/** The setting's label and sentence in the platform's own words. */
export function mailClientStatus(facts: MailClientFacts): MailClientStatus {
  const { appName, platform } = facts;
  if (!facts.available) {
    return { available: false, isDefault: false, actionLabel: '', explanation: `Only the installed ${appName} app can become your default mail app; this copy cannot.` };
  }
  const noun = platform === 'darwin' ? 'default email reader' : platform === 'win32' ? 'default email app' : 'default mail client';
  if (facts.isDefault) {
    return { available: true, isDefault: true, actionLabel: '', explanation: `${appName} is your ${noun}: email links on this computer open here.` };
  }
  if (needsSystemSettings(platform)) {
    return {
      available: true,
      isDefault: false,
      actionLabel: 'Open Windows Settings',
      explanation: `To open email links in ${appName}, choose it as your ${noun} in Windows Settings, under Default apps.`,
    };
  }
  return {
    available: true,
    isDefault: false,
    actionLabel: `Make ${appName} the ${noun}`,
    explanation: `Email links on this computer open in another app. Make ${appName} the ${noun} to open them here.`,
  };
}
