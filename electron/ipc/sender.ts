/** What main knows about the frame that sent a request. */
export interface SenderInfo {
  /** The sending frame's URL (in the harness: the WebSocket's Origin). */
  url: string;
  /** False for iframes: only our own window's top frame may call main. */
  isTopFrame: boolean;
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Custom schemes such as app:// have an opaque origin in WHATWG URL, so compare scheme + host.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * The single sender check every handler goes through: the app's own top frame, served
 * from one of the app's origins. Anything else (an iframe, a page navigated elsewhere,
 * another site's WebSocket) is refused before its input is even parsed.
 */
export function createSenderCheck(trustedOrigins: readonly string[]): (sender: SenderInfo) => boolean {
  const trusted = new Set(trustedOrigins.map((origin) => originOf(origin)).filter((o): o is string => o !== null));
  return (sender) => sender.isTopFrame && trusted.has(originOf(sender.url) ?? '');
}
