export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} s`;
}

/**
 * The sentences for a request that failed before the vendor answered. A send's say what may
 * have become of the email; a read's (Test connection) say that nothing was sent, because a
 * read sends nothing whatever happens to it.
 */
export interface TransportWords {
  cancelled(provider: string): string;
  timedOut(provider: string, timeoutMs: number): string;
  redirected(provider: string): string;
  /** fetch refused the address itself (a blocked port, not a URL): retrying unchanged cannot help. */
  refusedAddress(provider: string, reason: string): string;
  /** Nothing reached the vendor (no name, no route, refused, no TLS). */
  unreachable(provider: string, reason: string): string;
  /** The connection broke once the request may have been read. */
  broke(provider: string): string;
  /** The connection broke while the vendor's answer was arriving. */
  brokeMidAnswer(provider: string): string;
  /** The body of the request (an attachment) could not be read just before it left. */
  unreadableBody(provider: string): string;
}

export const sendWords: TransportWords = {
  cancelled: (provider) => `Sending through ${provider} was cancelled. If the request had already reached ${provider}, the email may still go out.`,
  timedOut: (provider, timeoutMs) =>
    `${provider} did not answer within ${formatDuration(timeoutMs)}; the email may or may not have been sent. Check the sent folder before sending again.`,
  redirected: (provider) => `${provider} answered with a redirect instead of sending. The email was not sent; check the address in the account settings.`,
  refusedAddress: (provider, reason) => `Could not contact ${provider}: ${reason}. The email was not sent; correct the address in the account settings, then retry.`,
  unreachable: (provider, reason) => `Could not reach ${provider}: ${reason}. The email was not sent; check the internet connection and the account's address, then try again.`,
  broke: (provider) => `The connection to ${provider} broke before it answered; the email may or may not have been sent. Check the sent folder before sending again.`,
  brokeMidAnswer: (provider) =>
    `The connection to ${provider} broke while its answer was arriving; the email may or may not have been sent. Check the sent folder before sending again.`,
  unreadableBody: (provider) => `An attachment could not be read just before sending to ${provider}; nothing was sent. Check the files, then retry.`,
};

export const readWords: TransportWords = {
  cancelled: (provider) => `Asking ${provider} was cancelled. Nothing was sent.`,
  timedOut: (provider, timeoutMs) => `${provider} did not answer within ${formatDuration(timeoutMs)}. Nothing was sent; check the address, or try again later.`,
  redirected: (provider) => `${provider} answered with a redirect to another address instead of an answer. Nothing was sent; check the address.`,
  refusedAddress: (provider, reason) => `Could not contact ${provider}: ${reason}. Nothing was sent; correct the address.`,
  unreachable: (provider, reason) => `Could not reach ${provider}: ${reason}. Nothing was sent; check the address and the internet connection.`,
  broke: (provider) => `The connection to ${provider} broke before it answered. Nothing was sent; try again.`,
  brokeMidAnswer: (provider) => `The connection to ${provider} broke while its answer was arriving. Nothing was sent; try again.`,
  unreadableBody: (provider) => `The request to ${provider} could not be prepared. Nothing was sent.`,
};
