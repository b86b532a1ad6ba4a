import type { AccountSettings } from '../../shared/accounts.js';
import { formatAddress, type Address } from '../../shared/address.js';
import type { OutgoingMessage } from '../../shared/outgoing.js';

export type UnipileSettings = Extract<AccountSettings, { provider: 'unipile' }>;

/** An attachment opened for sending: a Blob that reads from disk only as fetch sends it. */
export interface OpenedAttachment {
  filename: string;
  blob: Blob;
}

/** Unipile's attendee object; `display_name` is left out rather than sent empty. */
interface Attendee {
  display_name?: string;
  identifier: string;
}

function attendee(address: Address): Attendee {
  return address.name ? { display_name: address.name, identifier: address.email } : { identifier: address.email };
}

/**
 * The multipart body of `POST /api/v1/emails`, encoded the way the vendor's Node SDK
 * (1.9.3, `EmailResource.send`) and its send-email guide encode it: `to`, `cc` and `bcc` each
 * ONE field holding the JSON array of attendees (one field per attendee would be repeated
 * fields, of which the vendor may keep only the last), `from` and `custom_headers` one JSON
 * field each, every file under `attachments` with its name. No Content-Type is set anywhere:
 * fetch derives it, boundary included, from the FormData.
 */
export function buildUnipileForm(
  message: OutgoingMessage,
  settings: UnipileSettings,
  files: readonly OpenedAttachment[],
): FormData {
  const form = new FormData();
  form.append('account_id', settings.accountId);
  form.append('from', JSON.stringify(attendee(message.from)));
  form.append('to', JSON.stringify(message.to.map(attendee)));
  // Like the SDK, an empty Cc or Bcc list is left out rather than sent as [].
  if (message.cc.length > 0) form.append('cc', JSON.stringify(message.cc.map(attendee)));
  if (message.bcc.length > 0) form.append('bcc', JSON.stringify(message.bcc.map(attendee)));
  form.append('subject', message.subject);
  // Unipile takes HTML only; the text part the composer derives is not sent.
  form.append('body', message.html);
  if (message.inReplyTo) form.append('reply_to', message.inReplyTo.remoteId);
  if (message.replyTo) {
    // The SDK sends custom_headers as ONE field holding the JSON array, not one field per header.
    // preflight has refused line breaks in the name, so the value cannot forge another header.
    const headers = [{ name: 'Reply-To', value: formatAddress(message.replyTo) }];
    form.append('custom_headers', JSON.stringify(headers));
  }
  // Off unless the person asked: an open is counted by a pixel, a click by a rewritten link.
  if (message.tracking && (message.tracking.opens || message.tracking.links)) form.append('tracking_options', JSON.stringify(message.tracking));
  for (const file of files) form.append('attachments', file.blob, file.filename);
  return form;
}
