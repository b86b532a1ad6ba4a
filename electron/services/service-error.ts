import type { Failure } from '../../shared/result.js';

/** Thrown by a service when the user should see exactly this failure. */
export class ServiceError extends Error {
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(failure.message);
    this.name = 'ServiceError';
    this.failure = failure;
  }
}
