import { editableFromHistory, type EditableMessage } from '../../../shared/editable-message.js';
import type { HistoryRetry } from '../../../shared/outbox.js';
import { htmlToPlainText } from '../../../shared/plain-text.js';
import type { HistoryService } from '../history/history-service.js';
import type { OutboxService } from './outbox-service.js';

export interface HistoryRetryDeps {
  outbox: Pick<OutboxService, 'retryRecorded' | 'submit'>;
  history: Pick<HistoryService, 'idempotencyKeyOf' | 'replyTarget'>;
}

/**
 * Retry of a recorded message, decided in main in one call. The outbox's own row goes again
 * under its idempotency key when the outbox still holds it (a vendor that has it already does
 * not send it twice); otherwise a copy goes through the outbox's own checks; a copy whose
 * files are gone cannot succeed as it is, so it opens in the composer to attach them again.
 */
export function createHistoryRetry(deps: HistoryRetryDeps): (messageId: string) => Promise<HistoryRetry> {
  return async (messageId) => {
    const row = deps.outbox.retryRecorded(deps.history.idempotencyKeyOf(messageId));
    if (row) {
      return { kind: 'queued', summary: 'Sending it again under the same key (a vendor that already has it will not send it twice). Its progress is in the Outbox.' };
    }
    const copy = await deps.history.replyTarget(messageId, 'copy');
    if (copy.missingAttachments.length > 0) {
      const message: EditableMessage = editableFromHistory(copy);
      return { kind: 'open', message };
    }
    const submitted = await deps.outbox.submit({
      accountId: copy.accountId,
      to: copy.to.map((a) => (a.name ? { name: a.name, email: a.email } : { email: a.email })),
      cc: copy.cc.map((a) => (a.name ? { name: a.name, email: a.email } : { email: a.email })),
      bcc: copy.bcc.map((a) => (a.name ? { name: a.name, email: a.email } : { email: a.email })),
      subject: copy.subject,
      html: copy.html,
      text: copy.text ?? htmlToPlainText(copy.html),
      attachments: copy.attachments,
      ...(copy.inReplyTo ? { inReplyTo: copy.inReplyTo } : {}),
      ...(copy.replyToHistoryId ? { replyToHistoryId: copy.replyToHistoryId } : {}),
    });
    return { kind: 'queued', summary: `${submitted.summary} Its progress is in the Outbox.` };
  };
}
