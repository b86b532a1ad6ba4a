import { failureAction } from '../../../shared/outcome.js';
import type { OutboxAction } from '../../../shared/outbox.js';
import type { Provider } from '../../providers/types.js';
import type { OutboxRecord } from './outbox-store.js';

/**
 * What the person can do with a message in this state, decided here so the Outbox shows only
 * actions that can succeed: a scheduled one can go now, at another time, back to editing or
 * nowhere; a waiting one can be tried now; a failed one again (unless only a change can fix
 * it — its file is gone, the vendor refused what it says); one whose outcome is unknown can be
 * checked with a vendor that offers a read, and retried only where the vendor honours the
 * idempotency key — elsewhere it is "Send again anyway", knowing it may arrive twice.
 */
export function offeredActions(
  row: Pick<OutboxRecord, 'state' | 'attempts' | 'errorKind' | 'mayHaveSent' | 'remoteId'>,
  provider: Pick<Provider, 'capabilities' | 'check' | 'checkNeedsId'> | undefined,
): OutboxAction[] {
  // An earlier attempt may have reached the vendor, which drops a repeat of the same key: only
  // that key may send it again. Edit, Cancel-then-send or a new send would deliver it twice.
  if (row.mayHaveSent && (row.state === 'queued' || row.state === 'failed')) {
    if (row.state === 'queued') return ['retry_now'];
    const again: OutboxAction = provider?.capabilities.idempotency === 'guaranteed' ? 'retry' : 'send_again';
    return row.errorKind === 'auth' || row.errorKind === 'locked' ? ['open_accounts', again] : [again];
  }
  switch (row.state) {
    case 'scheduled':
      return ['send_now', 'reschedule', 'edit', 'cancel'];
    case 'queued':
      return row.attempts === 0 ? ['send_now', 'edit', 'cancel'] : ['retry_now', 'edit', 'cancel'];
    case 'failed': {
      const remedy = failureAction(row.errorKind ?? 'internal');
      if (remedy === 'edit') return ['edit'];
      return remedy === 'open_accounts' ? ['open_accounts', 'retry', 'edit'] : ['retry', 'edit'];
    }
    case 'unknown_outcome': {
      // A read by id needs the id the vendor gave; without one, asking cannot succeed.
      const canAsk = provider?.check !== undefined && (!provider.checkNeedsId || row.remoteId !== null);
      const check: OutboxAction[] = canAsk ? ['check'] : [];
      return provider?.capabilities.idempotency === 'guaranteed' ? [...check, 'retry'] : [...check, 'send_again'];
    }
    case 'sending':
    case 'sent':
    case 'accepted':
    case 'cancelled':
      return [];
  }
}
