import type { DatabaseSync } from 'node:sqlite';

/** Versions kept per draft, besides the latest one taken before a large deletion. */
export const KEPT_VERSIONS = 20;
/** At most one version per this much editing. */
export const VERSION_INTERVAL_MS = 60_000;

/** Text shrinking by more than half, or by more than 2,000 characters, is a large deletion. */
export function isLargeDeletion(before: number, after: number): boolean {
  const lost = before - after;
  // A short draft losing a few words is not worth a version of its own.
  return lost > 2_000 || (before >= 40 && after < before / 2);
}

export interface VersionDecision {
  take: boolean;
  beforeLargeDeletion: boolean;
}

/** Whether the state a save replaces should be kept as a version. */
export function decideVersion(input: { now: number; lastVersionAt: number; textBefore: number; textAfter: number; asked: boolean }): VersionDecision {
  const beforeLargeDeletion = isLargeDeletion(input.textBefore, input.textAfter);
  const due = input.now - input.lastVersionAt >= VERSION_INTERVAL_MS;
  return { take: input.asked || beforeLargeDeletion || due, beforeLargeDeletion };
}

/**
 * Copies the draft's stored state into a version (SQL to SQL: the document is never parsed)
 * unless the new content is identical, then drops the oldest beyond the limit while always
 * keeping the newest version taken before a large deletion. Returns whether one was taken.
 */
export function keepVersion(db: DatabaseSync, draftId: string, newContent: string, beforeLargeDeletion: boolean): boolean {
  const inserted = db
    .prepare(
      `INSERT INTO draft_versions (draft_id, saved_at, content, snippet, size, attachment_tokens, before_large_deletion)
       SELECT d.id, d.updated_at, b.content, d.snippet, length(b.content), d.attachment_tokens, ?
         FROM drafts d JOIN draft_bodies b ON b.draft_id = d.id WHERE d.id = ? AND b.content <> ?`,
    )
    .run(beforeLargeDeletion ? 1 : 0, draftId, newContent);
  if (inserted.changes === 0) return false;
  db.prepare(
    `DELETE FROM draft_versions WHERE draft_id = ?1
       AND id NOT IN (SELECT id FROM draft_versions WHERE draft_id = ?1 ORDER BY id DESC LIMIT ?2)
       AND id IS NOT (SELECT max(id) FROM draft_versions WHERE draft_id = ?1 AND before_large_deletion = 1)`,
  ).run(draftId, KEPT_VERSIONS);
  return true;
}
