import { z } from 'zod';
import { typedExtrasSchema } from './vendor-extras.js';
import { MAX_MERGE_TABLE_CHARS } from './merge-table.js';
import { attachmentRefSchema, replyTargetSchema } from './message.js';

/**
 * The drafts contract. A draft keeps exactly what the composer shows, including what is not
 * valid yet: an address chip the user has not fixed is saved as typed, so nothing is lost.
 */

/** Serialized size limit of a draft's content (the editor document dominates it). */
export const MAX_DRAFT_JSON_CHARS = 10 * 1024 * 1024;

/** Main's ids for drafts (random UUIDs today); the pattern only keeps junk out. */
export const draftIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'is not a draft id');

/** A recipient chip as typed: the address is deliberately not validated here. */
export const draftRecipientSchema = z.object({
  name: z.string().max(500).optional(),
  email: z.string().max(1_000),
});
export type DraftRecipient = z.infer<typeof draftRecipientSchema>;

/** The editor's JSON document (TipTap `editor.getJSON()`), stored as JSON, never as HTML. */
export const draftDocSchema = z.looseObject({ type: z.string().max(100) });
export type DraftDoc = z.infer<typeof draftDocSchema>;

/** Everything needed to put the composer back exactly as it was. */
export const draftContentSchema = z.object({
  accountId: z.string().max(100).nullable(),
  to: z.array(draftRecipientSchema).max(1_000),
  cc: z.array(draftRecipientSchema).max(1_000),
  bcc: z.array(draftRecipientSchema).max(1_000),
  subject: z.string().max(10_000),
  doc: draftDocSchema,
  showCc: z.boolean(),
  showBcc: z.boolean(),
  attachments: z.array(attachmentRefSchema).max(100),
  /** A reply written from the Sent view: what keeps it in its thread when it is finally sent. */
  reply: z
    .object({
      inReplyTo: replyTargetSchema.optional(),
      replyToHistoryId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).optional(),
    })
    .optional(),
  /** The table pasted for merge fields (CSV/TSV, email plus columns), kept exactly as pasted. */
  mergeTable: z.string().max(MAX_MERGE_TABLE_CHARS).optional(),
  /** "Log to" ids as typed (checked only at Send) and whether tracking is on; see vendor-extras.ts. */
  extras: typedExtrasSchema.optional(),
});
export type DraftContent = z.infer<typeof draftContentSchema>;

/**
 * Input of `drafts:save`. Without `id` a new draft is created (also how "keep both" saves a
 * copy after a conflict); with `id`, `baseRevision` must be the revision the caller last saw.
 */
export const draftSaveInputSchema = z
  .object({
    id: draftIdSchema.optional(),
    baseRevision: z.number().int().positive().optional(),
    content: draftContentSchema,
    /** Keep what was saved before as a version whatever its age (e.g. before restoring a version). */
    keepVersion: z.boolean().optional(),
  })
  .strict()
  .refine((input) => input.id === undefined || input.baseRevision !== undefined, {
    message: 'a save of an existing draft needs the revision it was based on',
    path: ['baseRevision'],
  });
export type DraftSaveInput = z.infer<typeof draftSaveInputSchema>;

/** Times are milliseconds since the epoch. */
export const draftSavedSchema = z.object({
  id: draftIdSchema,
  revision: z.number().int().positive(),
  updatedAt: z.number(),
});
export type DraftSaved = z.infer<typeof draftSavedSchema>;

/** One row of the drafts list: computed when the draft is saved, so listing never parses documents. */
export const draftSummarySchema = z.object({
  id: draftIdSchema,
  subject: z.string(),
  /** Names (or addresses) of the To, Cc and Bcc recipients, comma-separated. */
  recipients: z.string(),
  /** The start of the body's text. */
  snippet: z.string(),
  accountId: z.string().nullable(),
  updatedAt: z.number(),
  revision: z.number().int().positive(),
  /** Why the last send failed, or why the draft cannot be opened; null when all is well. */
  lastError: z.string().nullable(),
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;

/** A whole draft, as `drafts:get` returns it. */
export const draftSchema = z.object({
  id: draftIdSchema,
  revision: z.number().int().positive(),
  createdAt: z.number(),
  updatedAt: z.number(),
  lastError: z.string().nullable(),
  content: draftContentSchema,
});
export type Draft = z.infer<typeof draftSchema>;

/** An earlier saved state of a draft, listed newest first by `drafts:versions`. */
export const draftVersionSummarySchema = z.object({
  id: z.number().int().positive(),
  savedAt: z.number(),
  snippet: z.string(),
  /** Serialized size in characters. */
  size: z.number().int().nonnegative(),
});
export type DraftVersionSummary = z.infer<typeof draftVersionSummarySchema>;

/** One version's content, for looking at it or restoring it (restore = save it with `keepVersion`). */
export const draftVersionSchema = z.object({
  id: z.number().int().positive(),
  draftId: draftIdSchema,
  savedAt: z.number(),
  content: draftContentSchema,
});
export type DraftVersion = z.infer<typeof draftVersionSchema>;
