import type { DatabaseSync } from 'node:sqlite';
import type { AccountView } from '../../../shared/accounts.js';
import type { SubmitMessage } from '../../../shared/message.js';
import { preflight } from '../../providers/preflight.js';
import type { Provider } from '../../providers/types.js';
import { ServiceError } from '../../../shared/service-error.js';
import { inTransaction } from '../storage/transaction.js';
import { describeRecipients, toOutgoing } from './delivery.js';
import type { OutboxStore } from './outbox-store.js';

export interface InsertManyContext {
  db: DatabaseSync;
  store: OutboxStore;
  account: AccountView;
  provider: Provider;
  newId(): string;
  newKey(): string;
  now: number;
}

/**
 * Writes a batch's messages to the outbox: each checked against what the provider carries,
 * each its own row with its own id and idempotency key, all of them (and what
 * `alsoInTransaction` writes) in one transaction — a crash leaves the whole batch or none.
 */
export function insertMany(
  ctx: InsertManyContext,
  messages: ReadonlyArray<{ message: SubmitMessage; sendAt: number }>,
  alsoInTransaction?: (ids: string[]) => void,
): string[] {
  for (const { message } of messages) {
    if (message.accountId !== ctx.account.id) throw new ServiceError({ kind: 'invalid_input', message: 'Every message of a batch goes through the same account.' });
    preflight(ctx.provider, toOutgoing(message, ctx.account.from, [], 'preflight'));
  }
  const undoUntil = ctx.now + ctx.store.settings().undoDelayMs;
  return inTransaction(ctx.db, () => {
    const ids = messages.map(({ message, sendAt }) => {
      const id = ctx.newId();
      ctx.store.insert({ id, idempotencyKey: ctx.newKey(), message, recipients: describeRecipients(message), scheduled: sendAt > undoUntil, sendAt, now: ctx.now });
      return id;
    });
    alsoInTransaction?.(ids);
    return ids;
  });
}
