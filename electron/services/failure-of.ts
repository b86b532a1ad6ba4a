import { ServiceError, type DetailedFailure } from '../../shared/service-error.js';

/** Tests: the failure a service refused with; anything else it throws, or no refusal at all, fails the test. */
export function failureOf(run: () => unknown): DetailedFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError) return error.failure;
    throw error;
  }
  throw new Error('expected a ServiceError');
}
