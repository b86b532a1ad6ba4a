import { z } from 'zod';
import { draftRecipientSchema } from './drafts.js';
import { attachmentRefSchema } from './message.js';

/**
 * Templates and snippets. A template is a whole message to start from (subject, body, Cc, Bcc,
 * files by reference to the copies main keeps); a snippet is a piece of body to insert at the
 * caret. Both keep merge fields as typed (`{{first_name}}`), so Send fills them like any body.
 */

export const MAX_TEMPLATE_HTML_CHARS = 2 * 1024 * 1024;
export const MAX_TEMPLATE_NAME_CHARS = 200;

export const templateIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'is not a template id');
export const templateKindSchema = z.enum(['template', 'snippet']);
export type TemplateKind = z.infer<typeof templateKindSchema>;

export const templateNameSchema = z
  .string()
  .trim()
  .min(1, 'needs a name')
  .max(MAX_TEMPLATE_NAME_CHARS, `is longer than ${MAX_TEMPLATE_NAME_CHARS} characters`);

/** What a template holds; a snippet uses only `html` (its other fields are empty). */
export const templateContentSchema = z.object({
  kind: templateKindSchema,
  name: templateNameSchema,
  /** The one account it is offered for; null offers it for every account. */
  accountId: z.string().min(1).max(100).nullable(),
  subject: z.string().max(998),
  html: z.string().max(MAX_TEMPLATE_HTML_CHARS),
  cc: z.array(draftRecipientSchema).max(500),
  bcc: z.array(draftRecipientSchema).max(500),
  attachments: z.array(attachmentRefSchema).max(100),
});
export type TemplateContent = z.infer<typeof templateContentSchema>;

export const templateSchema = templateContentSchema.extend({
  id: templateIdSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Template = z.infer<typeof templateSchema>;

/** Input of `templates:save`: without `id` a new one; with `id` that one is replaced. */
export const templateSaveSchema = templateContentSchema.extend({ id: templateIdSchema.optional() }).strict();
export type TemplateSave = z.infer<typeof templateSaveSchema>;

export const templateRenameSchema = z.object({ id: templateIdSchema, name: templateNameSchema }).strict();
export const templateIdInputSchema = z.object({ id: templateIdSchema }).strict();

/** The ones offered while writing from `accountId`: its own and those for every account. */
export function templatesFor(templates: readonly Template[], accountId: string | null): Template[] {
  return templates.filter((t) => t.accountId === null || t.accountId === accountId);
}
