import { z } from 'zod';
import { addressSchema } from './address.js';
import { parseMailto } from './mailto.js';

/**
 * A request to open a composer with these fields, from a `mailto:` link (a click in another
 * app, a second launch, or `--mailto` in the harness). Carried by the `compose:open` event and
 * answered by `compose:pending`.
 */
export const composeOpenSchema = z.object({
  to: z.array(addressSchema),
  cc: z.array(addressSchema),
  bcc: z.array(addressSchema),
  subject: z.string(),
  body: z.string(),
  /** Recipients in the link that are not addresses, as written, so the composer can show them for fixing. */
  invalid: z.array(z.string()),
  /** A sentence for the person when the link could not be read (or only in part); null when all went well. */
  notice: z.string().nullable(),
});
export type ComposeOpen = z.infer<typeof composeOpenSchema>;

const NOTICE_INVALID_LIMIT = 3;

/**
 * Turns a `mailto:` link into a compose request. A link that cannot be read still opens an
 * empty composer, with the reason as the notice; it never throws.
 */
export function composeOpenFromMailto(url: string): ComposeOpen {
  const parsed = parseMailto(url);
  if (!parsed.ok) {
    return { to: [], cc: [], bcc: [], subject: '', body: '', invalid: [], notice: `A mail link could not be opened: ${parsed.reason}` };
  }
  const { invalid, ...fields } = parsed.value;
  let notice: string | null = null;
  if (invalid.length > 0) {
    const shown = invalid.slice(0, NOTICE_INVALID_LIMIT).map((raw) => `“${raw.slice(0, 80)}”`).join(', ');
    const more = invalid.length > NOTICE_INVALID_LIMIT ? ` and ${invalid.length - NOTICE_INVALID_LIMIT} more` : '';
    notice = `The mail link had ${invalid.length === 1 ? 'a recipient that is not an email address' : 'recipients that are not email addresses'} (${shown}${more}); check ${invalid.length === 1 ? 'it' : 'them'} before sending.`;
  }
  return { ...fields, invalid, notice };
}
