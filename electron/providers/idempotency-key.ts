import { ServiceError } from '../../shared/service-error.js';

/** RFC 9562 version 4, any case: what the outbox's randomUUID() gives every message. */
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Refuses a message whose idempotency key is not a UUIDv4 before anything is sent. The key is
 * fixed by the outbox, never typed by the user, so a bad one is a bug of Composer's: sent
 * anyway, an empty key would turn the vendor's duplicate protection off without a word, and a
 * constant one would make it refuse (409) or, worse, replay another email's answer.
 */
export function checkIdempotencyKey(provider: string, key: string): void {
  if (UUID_V4.test(key)) return;
  throw new ServiceError({
    kind: 'validation',
    message: `Composer did not send this email through ${provider}: its duplicate-protection key is missing or malformed. This is a problem in Composer, not in the message; report it, and send the email again from a new message.`,
  });
}
