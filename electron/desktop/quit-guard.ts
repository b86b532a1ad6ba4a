/** Work that quitting now would cut short. */
export interface QuitCounts {
  /** Messages still inside their undo-send delay: quitting would send them late or not at all. */
  undoWindowCount: number;
  /** Messages handed to a provider whose answer has not come back. */
  inFlightCount: number;
  /** Draft saves under way. */
  savingDrafts: number;
}

export type QuitDecision = 'quit' | 'ask' | 'wait';

/**
 * A draft being saved is waited for (it takes a moment and losing it loses typing); messages
 * waiting to send or in flight are the person's call, so they are asked; otherwise quit.
 */
export function quitDecision(counts: QuitCounts): QuitDecision {
  if (counts.savingDrafts > 0) return 'wait';
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

/** What main knows about pending work; the outbox and drafts services fill it in. */
export interface PendingWork {
  counts(): QuitCounts;
  /** Settles when the draft saves under way have finished. */
  draftsSaved(): Promise<void>;
}

/** Nothing pending: what main uses until a service reports work. */
export const noPendingWork: PendingWork = {
  counts: () => ({ undoWindowCount: 0, inFlightCount: 0, savingDrafts: 0 }),
  draftsSaved: () => Promise.resolve(),
};

/** A save that never finishes must not keep the app from quitting forever. */
export const MAX_SAVE_WAIT_MS = 10_000;

/**
 * Decides whether quitting may go ahead: waits for draft saves (at most `maxWaitMs`), then
 * asks when messages are waiting or in flight. Answers true to quit.
 */
export async function guardQuit(work: PendingWork, ask: (question: QuitQuestion) => Promise<boolean>, maxWaitMs = MAX_SAVE_WAIT_MS): Promise<boolean> {
  if (quitDecision(work.counts()) === 'wait') {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxWaitMs);
    });
    await Promise.race([work.draftsSaved().catch(() => undefined), timeout]);
    clearTimeout(timer);
  }
  const counts = work.counts();
  if (counts.undoWindowCount > 0 || counts.inFlightCount > 0) return ask(quitQuestion(counts));
  return true;
}
