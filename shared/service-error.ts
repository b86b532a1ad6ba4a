import type { Failure } from './result.js';

/**
 * The one error class for a failure the person should see exactly as it is: thrown by a
 * service or a provider in main, answered across IPC as its `failure` (the dispatcher keeps
 * the vendor's HTTP status and code in main). `status` and `vendorCode` are a provider's
 * details for the retry policy; they never reach the renderer.
 */
export type DetailedFailure = Failure & { status?: number; vendorCode?: string };

export class ServiceError<F extends DetailedFailure = DetailedFailure> extends Error {
  readonly failure: F;
  constructor(failure: F) {
    super(failure.message);
    this.name = 'ServiceError';
    this.failure = failure;
  }
}

/** The failure as the renderer may see it: the vendor's HTTP status and code stay in main. */
export function publicFailure(failure: DetailedFailure): Failure {
  const { kind, message, fields, retryAfterMs } = failure;
  return { kind, message, ...(fields ? { fields } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}
