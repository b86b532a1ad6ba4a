/** What to do with a URL the page tries to open or navigate to. */
export type LinkDecision = 'open-externally' | 'deny';

/**
 * Only https and mailto links leave the app, and only to the system browser or mail
 * handler; file:, javascript:, custom schemes and plain http are refused outright.
 */
export function decideExternalLink(url: string): LinkDecision {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' && parsed.hostname !== '') return 'open-externally';
    if (parsed.protocol === 'mailto:') return 'open-externally';
    return 'deny';
  } catch {
    return 'deny';
  }
}

/** In-app navigation is allowed only within the origin the window was loaded from. */
export function isInAppNavigation(url: string, appOrigin: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appOrigin);
    return target.protocol === app.protocol && target.host === app.host;
  } catch {
    return false;
  }
}
