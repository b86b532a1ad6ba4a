import type { HistoryCopy } from '../../../shared/editable-message.js';
import type { HistoryAddress, ReplyMode, ReplyThreading } from '../../../shared/history.js';
import type { AttachmentRef, ReplyTarget } from '../../../shared/message.js';
import { escapeHtml } from '../../../shared/escape-html.js';
import { forwardSubject, replySubject } from '../../../shared/subject.js';

/** The parts of a recorded message a reply or forward is built from. */
export interface ReplySource {
  id: string;
  accountId: string;
  from: HistoryAddress | null;
  to: HistoryAddress[];
  cc: HistoryAddress[];
  bcc: HistoryAddress[];
  subject: string;
  html: string;
  text: string;
  attemptedAt: number;
  /** What the message itself answered, for a copy: the history message and the vendor ids it named. */
  answered: { historyId: string | null; inReplyTo: ReplyTarget | null };
  remoteId: string | null;
  remoteThreadId: string | null;
  threading: ReplyThreading;
}

function describe(address: HistoryAddress): string {
  return address.name ? `${address.name} <${address.email}>` : address.email;
}

function list(addresses: readonly HistoryAddress[]): string {
  return escapeHtml(addresses.map(describe).join(', '));
}

function sameAs(a: HistoryAddress, b: HistoryAddress | null): boolean {
  return b !== null && a.email.trim().toLowerCase() === b.email.trim().toLowerCase();
}

/**
 * What the composer opens with. These are messages the person sent, so Reply goes back to
 * the people it went to (To), and Reply all keeps the Cc too (never Bcc: a reply must not
 * reveal who was copied blind). The vendor thread ids travel only when the vendor can thread
 * a reply to this message; otherwise the note says why and the history still threads it.
 */
/**
 * "Sun, Dec 6, 2026 at 4:26 PM": when the message was sent, in this computer's time zone (the
 * sender's own) and in the words mail clients put above a quote, not a raw GMT string.
 */
export function quoteDate(at: number, timeZone?: string): string {
  const zone = timeZone ? { timeZone } : {};
  const day = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', ...zone }).format(at);
  const time = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', ...zone }).format(at);
  // ICU puts a narrow no-break space before AM/PM; mail clients write a plain one.
  return `${day} at ${time}`.replace(/\u202f/g, ' ');
}

export function buildReplyDraft(source: ReplySource, mode: ReplyMode, files: { kept: AttachmentRef[]; missing: string[] }): HistoryCopy {
  const when = quoteDate(source.attemptedAt);
  const who = source.from ? escapeHtml(describe(source.from)) : 'you';
  if (mode === 'copy') {
    // Retry and Open in composer: the same message again, still answering what it answered.
    return {
      accountId: source.accountId,
      to: source.to,
      cc: source.cc,
      bcc: source.bcc,
      subject: source.subject,
      html: source.html,
      text: source.text,
      ...(source.answered.inReplyTo ? { inReplyTo: source.answered.inReplyTo } : {}),
      ...(source.answered.historyId ? { replyToHistoryId: source.answered.historyId } : {}),
      attachments: files.kept,
      missingAttachments: files.missing,
    };
  }
  if (mode === 'forward') {
    const header = [
      '<p>---------- Forwarded message ----------<br>',
      source.from ? `From: ${who}<br>` : '',
      `Date: ${escapeHtml(when)}<br>`,
      `Subject: ${escapeHtml(source.subject)}<br>`,
      `To: ${list(source.to)}`,
      source.cc.length > 0 ? `<br>Cc: ${list(source.cc)}` : '',
      '</p>',
    ].join('');
    return {
      accountId: source.accountId,
      to: [],
      cc: [],
      bcc: [],
      subject: forwardSubject(source.subject),
      html: `<p></p>${header}${source.html}`,
      attachments: files.kept,
      missingAttachments: files.missing,
    };
  }
  const to = source.to.filter((a) => !sameAs(a, source.from));
  const cc = mode === 'reply-all' ? source.cc.filter((a) => !sameAs(a, source.from) && !to.some((t) => sameAs(t, a))) : [];
  const threads = source.threading.atVendor && source.remoteId !== null;
  return {
    accountId: source.accountId,
    to,
    cc,
    bcc: [],
    subject: replySubject(source.subject),
    html: `<p></p><p>On ${escapeHtml(when)}, ${who} wrote:</p><blockquote>${source.html}</blockquote>`,
    ...(threads ? { inReplyTo: { remoteId: source.remoteId as string, ...(source.remoteThreadId ? { remoteThreadId: source.remoteThreadId } : {}) } } : {}),
    replyToHistoryId: source.id,
    ...(source.threading.note ? { note: source.threading.note } : {}),
    attachments: [],
    missingAttachments: [],
  };
}
