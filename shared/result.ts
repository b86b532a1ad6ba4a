import { z } from 'zod';

/** What went wrong, in words a person can act on; `fields` points at the inputs to fix. */
export const failureSchema = z.object({
  kind: z.enum([
    'invalid_input',
    'forbidden',
    'not_found',
    'internal',
    'auth',
    'validation',
    'rate_limited',
    'provider',
    'network',
    'unknown_outcome',
    'unsupported',
    'cancelled',
    /** Someone else changed the same thing first (a draft saved from another window). */
    'conflict',
    /** The vault is locked: the passphrase has not been entered yet. */
    'locked',
  ]),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  retryAfterMs: z.number().nonnegative().optional(),
});
export type Failure = z.infer<typeof failureSchema>;

/** Every answer across IPC is a result: an error thrown across IPC keeps only its message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };
