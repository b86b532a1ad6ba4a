import type { ProviderId } from '../../../shared/accounts.js';
import type { Notice } from '../../../shared/ipc.js';
import type { Provider } from '../../providers/types.js';
import type { Clock } from '../clock.js';
import { MAY_HAVE_BEEN_SENT } from './failure-words.js';
import { sentenceTime } from './sentence-time.js';
import type { OutboxStore } from './outbox-store.js';

export interface RecoveryDeps {
  store: OutboxStore;
  clock: Clock;
  providers: Record<ProviderId, Provider>;
  notices: { post(notice: Notice): void };
  drafts: { markSendFailed(draftId: string, message: string): void };
}

function isProviderId(id: string | null, providers: Record<ProviderId, Provider>): id is ProviderId {
  return id !== null && Object.hasOwn(providers, id);
}

/**
 * At start, before the worker runs. A row still `sending` was cut off by a crash or a kill:
 * whether the vendor took it is unknown. Where the vendor always deduplicates by key it goes
 * again with the same key (at worst the vendor replays its first answer); elsewhere it becomes
 * unknown_outcome and the person decides. Queued rows need nothing: they are simply due. Send-later
 * messages whose time passed while the app was closed go out now, and a notice says so.
 */
export function recoverAtStart(deps: RecoveryDeps): void {
  const { store, clock, providers } = deps;
  const now = clock();
  const undecided: string[] = [];
  for (const row of store.inState('sending')) {
    const provider = isProviderId(row.providerId, providers) ? providers[row.providerId] : undefined;
    if (provider?.capabilities.idempotency === 'guaranteed') {
      store.requeue(row.id, now, `Composer stopped while sending this message; it is being sent again with the same key, which ${provider.displayName} never sends twice.`, null, now, true);
      continue;
    }
    const sentence = `Composer stopped while this message was being sent. ${MAY_HAVE_BEEN_SENT}`;
    store.settle(row.id, 'unknown_outcome', sentence, 'unknown_outcome', now);
    if (row.draftId) deps.drafts.markSendFailed(row.draftId, sentence);
    undecided.push(`“${row.subject || '(no subject)'}”`);
  }
  if (undecided.length > 0) {
    const which = undecided.length <= 3 ? undecided.join(', ') : `${undecided.slice(0, 3).join(', ')} and ${undecided.length - 3} more`;
    deps.notices.post({
      id: 'outbox-crash-undecided',
      level: 'warning',
      text: `Composer stopped while sending ${which}: whether ${undecided.length === 1 ? 'it' : 'they'} went out is not known. Open the Outbox to check with the vendor or send again.`,
    });
  }
  const overdue = store.inState('scheduled').filter((row) => row.sendAt <= now);
  if (overdue.length > 0) {
    const first = overdue[0];
    const what = overdue.length === 1 && first ? `"${first.subject || '(no subject)'}", scheduled for ${sentenceTime(first.sendAt)},` : `${overdue.length} scheduled messages`;
    deps.notices.post({
      id: 'outbox-overdue',
      level: 'info',
      text: `Composer was closed when ${what} ${overdue.length === 1 ? 'was' : 'were'} due to go out, so ${overdue.length === 1 ? 'it is' : 'they are'} being sent now.`,
    });
  }
}
