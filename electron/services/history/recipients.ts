import type { DatabaseSync } from 'node:sqlite';
import type { HistoryAddress, RecipientSuggestion } from '../../../shared/history.js';

/** Lower case without accents, so "jose" finds "José". */
export function foldKey(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** The words an address can be found by: the address, its domain, the whole name and each word of it. */
export function keysOf(address: HistoryAddress): string[] {
  const email = foldKey(address.email);
  const keys = new Set([email]);
  const at = email.lastIndexOf('@');
  if (at > 0) keys.add(email.slice(at + 1));
  if (address.name) {
    const name = foldKey(address.name).replace(/\s+/gu, ' ');
    if (name) keys.add(name);
    for (const word of name.split(/[\s,.'"()-]+/u)) if (word) keys.add(word);
  }
  return [...keys];
}

// The largest code point: every key that starts with the prefix sorts below prefix + this.
const AFTER_PREFIX = '\u{10FFFF}';

/**
 * The addresses sent to, for composer autocomplete. Counts go down when a message is
 * deleted and up again on restore, so deleting a message also stops suggesting an address
 * that only it used.
 */
export function createRecipientIndex(db: DatabaseSync) {
  const upsert = db.prepare(
    `INSERT INTO history_recipients (email_key, email, name, use_count, last_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (email_key) DO UPDATE SET
       use_count = max(0, use_count + excluded.use_count),
       last_at = max(last_at, excluded.last_at),
       email = CASE WHEN excluded.use_count > 0 THEN excluded.email ELSE email END,
       name = CASE WHEN excluded.use_count > 0 THEN coalesce(excluded.name, name) ELSE name END`,
  );
  const addKey = db.prepare('INSERT OR IGNORE INTO history_recipient_keys (key, email_key) VALUES (?, ?)');
  const suggestQuery = db.prepare(
    `SELECT email, name, use_count, last_at FROM history_recipients
      WHERE use_count > 0 AND email_key IN (SELECT email_key FROM history_recipient_keys WHERE key >= ?1 AND key < ?2)
      ORDER BY use_count DESC, last_at DESC LIMIT ?3`,
  );
  const prune = db.prepare('DELETE FROM history_recipients WHERE use_count <= 0');

  function change(addresses: readonly HistoryAddress[], at: number, delta: 1 | -1): void {
    const seen = new Set<string>();
    for (const address of addresses) {
      const emailKey = foldKey(address.email);
      if (!emailKey || seen.has(emailKey)) continue;
      seen.add(emailKey);
      upsert.run(emailKey, address.email.trim(), address.name?.trim() || null, delta, delta > 0 ? at : 0);
      if (delta > 0) for (const key of keysOf(address)) addKey.run(key, emailKey);
    }
  }

  return {
    /** Call inside the recording transaction. */
    add(addresses: readonly HistoryAddress[], at: number): void {
      change(addresses, at, 1);
    },
    remove(addresses: readonly HistoryAddress[]): void {
      change(addresses, 0, -1);
    },
    suggest(prefix: string, limit: number): RecipientSuggestion[] {
      const key = foldKey(prefix).replace(/\s+/gu, ' ');
      if (!key) return [];
      const rows = suggestQuery.all(key, key + AFTER_PREFIX, limit) as { email: string; name: string | null; use_count: number; last_at: number }[];
      return rows.map((row) => ({ email: row.email, ...(row.name ? { name: row.name } : {}), count: row.use_count, lastAt: row.last_at }));
    },
    /** At start, with the purge: addresses no kept message went to. */
    prune(): void {
      prune.run();
    },
  };
}
export type RecipientIndex = ReturnType<typeof createRecipientIndex>;
