/** Work that quitting now would cut short. */
export interface QuitCounts {
  /** Messages still inside their undo-send delay: quitting would send them late or not at all. */
  undoWindowCount: number;
  /** Messages handed to a provider whose answer has not come back. */
  inFlightCount: number;
}

export type QuitDecision = 'quit' | 'ask';

/**
 * Messages waiting to send or in flight are the person's call, so they are asked; otherwise
 * quit. Drafts need no waiting here: the window flushes its draft as it closes, before quit.
 */
export function quitDecision(counts: QuitCounts): QuitDecision {
  if (counts.undoWindowCount > 0 || counts.inFlightCount > 0) return 'ask';
  return 'quit';
}

/** What the quit question says, in a platform's message box. */
export interface QuitQuestion {
  message: string;
  detail: string;
  quitLabel: string;
  stayLabel: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function quitQuestion(counts: QuitCounts): QuitQuestion {
  const parts: string[] = [];
  if (counts.undoWindowCount > 0) parts.push(`${plural(counts.undoWindowCount, 'message is', 'messages are')} waiting out the undo delay and will not be sent if you quit now`);
  if (counts.inFlightCount > 0) parts.push(`${plural(counts.inFlightCount, 'message is', 'messages are')} being sent; quitting may leave ${counts.inFlightCount === 1 ? 'it' : 'them'} unconfirmed, so check the Sent view after you reopen`);
  return {
    message: 'Quit while messages are still being sent?',
    detail: `${parts.join('. ')}.`,
    quitLabel: 'Quit Anyway',
    stayLabel: 'Keep Composer Open',
  };
}

/** What main knows about pending work; the outbox fills it in (desktop/pending-work.ts). */
export interface PendingWork {
  counts(): QuitCounts;
}

/** Nothing pending: what main uses until a service reports work. */
export const noPendingWork: PendingWork = {
  counts: () => ({ undoWindowCount: 0, inFlightCount: 0 }),
};

/** Decides whether quitting may go ahead: asks when messages are waiting or in flight. Answers true to quit. */
export async function guardQuit(work: PendingWork, ask: (question: QuitQuestion) => Promise<boolean>): Promise<boolean> {
  const counts = work.counts();
  if (quitDecision(counts) === 'ask') return ask(quitQuestion(counts));
  return true;
}
