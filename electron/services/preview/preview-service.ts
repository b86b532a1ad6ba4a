import type { SubmitMessage } from '../../../shared/message.js';
import type { RequestPreview } from '../../../shared/preview.js';
import { prepareDelivery, type DeliveryDeps } from '../outbox/delivery.js';
import { describeRequest, droppedFields } from './request-preview.js';

/** Stands in for the idempotency key the outbox makes when the message is queued. */
const PREVIEW_KEY = '00000000-0000-4000-8000-000000000000';
const KEY_NOTE = '(its own key, made when the message is queued; the same on every retry)';

/**
 * "Preview request": what the account's adapter would send for this message, built by the
 * adapter's own `request` (the code `send` runs), with the account's real settings and key —
 * the key then masked — and the files as name, size and hash.
 */
export async function previewRequest(deps: DeliveryDeps, message: SubmitMessage): Promise<RequestPreview> {
  const delivery = await prepareDelivery(deps, message, PREVIEW_KEY);
  const { provider, account } = delivery;
  const dropped = droppedFields(provider.displayName, provider.capabilities, delivery.message);
  if (!provider.request) {
    const { attachments, ...rest } = delivery.message;
    const record = { ...rest, attachments: attachments.map((a) => ({ filename: a.filename, size: a.size })) };
    return { method: 'none', url: 'The sandbox sends nothing: it writes the message to sandbox-outbox.jsonl on this computer.', headers: [], body: { kind: 'json', text: JSON.stringify(record, null, 2) }, dropped };
  }
  const preview = await describeRequest(await provider.request(delivery.message, account), [account.secret], dropped);
  return { ...preview, headers: preview.headers.map((h) => (h.value === PREVIEW_KEY ? { ...h, value: KEY_NOTE } : h)) };
}
