import { describe, expect, it } from 'vitest';
import type { OutboxRow } from '../../../shared/outbox.js';
import { waitingCount } from './store.js';

const row = (state: OutboxRow['state']): OutboxRow => ({
  id: state,
  state,
  subject: 's',
  recipients: 'a',
  accountId: 'a1',
  sendAt: 0,
  scheduled: false,
  nextAttemptAt: null,
  attempts: 0,
  lastError: null,
  errorKind: null,
  progress: null,
  draftId: null,
  updatedAt: 0,
});

describe('outbox waiting count', () => {
  it('counts what is still to go or needs the person, not what is done', () => {
    const rows = (['queued', 'sending', 'sent', 'failed', 'unknown_outcome', 'cancelled'] as const).map(row);
    expect(waitingCount(rows)).toBe(4);
  });
});
