import { newEditable, plainTextToHtml, type EditableMessage } from './editable-message.js';
import { parseMailto } from './mailto.js';

const NOTICE_INVALID_LIMIT = 3;

/** An empty line under the signature: never an empty document, which reads as "nothing opened". */
const EMPTY_BODY = '<p></p>';

/**
 * Turns a `mailto:` link (a click in another app, a second launch, or `--mailto` in the
 * harness) into the message the composer opens, signed with the account's signature.
 * Recipients that are not addresses stay in To as written, so the person sees and fixes them;
 * a link that cannot be read still opens an empty composer, with the reason as the notice.
 * It never throws.
 */
export function composeOpenFromMailto(url: string): EditableMessage {
  const parsed = parseMailto(url);
  if (!parsed.ok) return newEditable({ doc: EMPTY_BODY, sign: true, notice: `A mail link could not be opened: ${parsed.reason}` });
  const { invalid, to, cc, bcc, subject, body } = parsed.value;
  let notice: string | null = null;
  if (invalid.length > 0) {
    const shown = invalid.slice(0, NOTICE_INVALID_LIMIT).map((raw) => `“${raw.slice(0, 80)}”`).join(', ');
    const more = invalid.length > NOTICE_INVALID_LIMIT ? ` and ${invalid.length - NOTICE_INVALID_LIMIT} more` : '';
    notice = `The mail link had ${invalid.length === 1 ? 'a recipient that is not an email address' : 'recipients that are not email addresses'} (${shown}${more}); check ${invalid.length === 1 ? 'it' : 'them'} before sending.`;
  }
  return newEditable({
    to: [...to, ...invalid.map((raw) => ({ email: raw }))],
    cc,
    bcc,
    subject,
    doc: plainTextToHtml(body) || EMPTY_BODY,
    sign: true,
    notice,
  });
}
