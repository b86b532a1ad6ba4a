import type { OutboxRow } from '../../../../shared/outbox.js';
import { dismissToast, showToast, useToastsStore } from '../../toasts/index.js';

export interface SentMessage {
  id: string;
  summary: string;
  undoUntil: number;
  scheduled: boolean;
}

/** How long Undo stays offered for a message scheduled for later (the Outbox can still cancel it). */
const SCHEDULED_UNDO_MS = 10_000;

/**
 * "Sending to Bea through Sandbox, from … · Undo (5 s)": the toast for a message just handed
 * to the outbox. It ends with the message (see `followSentMessage`), not on a timer of its own.
 */
export function showSendToast(sent: SentMessage, undo: () => void): void {
  const until = sent.scheduled ? Math.min(sent.undoUntil, Date.now() + SCHEDULED_UNDO_MS) : sent.undoUntil;
  showToast({
    kind: 'send',
    text: sent.summary,
    action: until > Date.now() ? { label: 'Undo', run: undo, ...(sent.scheduled ? {} : { until }) } : null,
    lastsMs: sent.scheduled ? SCHEDULED_UNDO_MS : null,
    about: sent.id,
  });
}

/** "Sent to Bea Lee through Sandbox, from …": the sending sentence, now in the past. */
export function sentText(summary: string): string {
  return summary.replace(/^Sending to /, 'Sent to ').replace(/^Scheduled for [^:]+: to /, 'Sent to ');
}

/** What the send toast becomes when its message moves on; undefined leaves it as it is. */
export function sendToastFor(row: OutboxRow, summary: string): { text: string; tone: 'info' | 'error'; lastsMs: number | null; openOutbox: boolean } | null | undefined {
  switch (row.state) {
    case 'sent':
      return { text: sentText(summary), tone: 'info', lastsMs: 4_000, openOutbox: false };
    case 'failed':
    case 'unknown_outcome':
      return { text: `Not sent: ${row.lastError ?? 'the vendor did not take it.'}`, tone: 'error', lastsMs: null, openOutbox: true };
    case 'cancelled':
      return null;
    default:
      return undefined;
  }
}

/**
 * Keeps the send toast true to the outbox: "Sent to …" once the vendor took it, the failure
 * with a way to the Outbox, gone when the message was taken back. `subscribe` delivers the
 * outbox's rows as they change (the outbox feature's store); returns the stop.
 */
export function followSentMessage(subscribe: (listener: (rows: OutboxRow[]) => void) => () => void, openOutbox: () => void): () => void {
  return subscribe((rows) => {
    const toast = useToastsStore.getState().toasts.find((t) => t.kind === 'send');
    if (!toast?.about || toast.text.startsWith('Sent to ')) return;
    const row = rows.find((r) => r.id === toast.about);
    if (!row) return;
    const next = sendToastFor(row, toast.text);
    if (next === undefined) return;
    if (next === null) return dismissToast('send');
    if (next.tone === 'error' && toast.tone === 'error') return;
    showToast({
      kind: 'send',
      text: next.text,
      tone: next.tone,
      lastsMs: next.lastsMs,
      about: row.id,
      action: next.openOutbox
        ? {
            label: 'Open Outbox',
            run: () => {
              dismissToast('send');
              openOutbox();
            },
          }
        : null,
    });
  });
}
