/** A longer argument is not a link someone clicked. */
const MAX_LINK = 256 * 1024;

function isMailto(arg: unknown): arg is string {
  return typeof arg === 'string' && arg.length <= MAX_LINK && /^mailto:/i.test(arg.trim());
}

/**
 * The `mailto:` link among a process's arguments (Windows and Linux start the handler with
 * the link as an argument), or null. Switches Chromium adds, the executable and the app path
 * are skipped because they do not start with `mailto:`.
 */
export function mailtoFromArgv(argv: readonly unknown[]): string | null {
  const found = argv.find(isMailto);
  return found === undefined ? null : found.trim();
}

/**
 * The link a second launch hands over: the data it passed to `requestSingleInstanceLock`
 * first (Chromium may reorder or mangle a second instance's argv on Windows), its argv after.
 */
export function mailtoFromSecondInstance(argv: readonly unknown[], additionalData: unknown): string | null {
  if (typeof additionalData === 'object' && additionalData !== null && 'mailto' in additionalData) {
    const { mailto } = additionalData as { mailto: unknown };
    if (isMailto(mailto)) return mailto.trim();
  }
  return mailtoFromArgv(argv);
}
