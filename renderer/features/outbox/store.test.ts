import { describe, expect, it } from 'vitest';
import type { OutboxRow } from '../../../shared/outbox.js';
import { progressWords } from './OutboxRow.js';
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
  actions: [],
  vendor: null,
});

describe('outbox waiting count', () => {
  it('counts what is still to go or needs the person, not what is done', () => {
    const rows = (['scheduled', 'queued', 'sending', 'sent', 'accepted', 'failed', 'unknown_outcome', 'cancelled'] as const).map(row);
    expect(waitingCount(rows)).toBe(5);
  });
});

describe('outbox upload words', () => {
  it('says how much is out while uploading, and that the vendor has yet to answer once all of it is', () => {
    expect(progressWords({ sent: 512 * 1024, total: 3 * 1024 * 1024 })).toBe('Uploading 512 KB of 3.0 MB');
    expect(progressWords({ sent: 900, total: 900 })).toBe('Uploaded 900 B; waiting for the vendor to answer');
  });
});
