import { z } from 'zod';
import { accountDraftSchema, accountsListSchema, accountViewSchema, passphraseSchema, providerIdSchema, vaultChoiceSchema } from './accounts.js';
import { capabilitiesSchema } from './capabilities.js';
import {
  draftIdSchema,
  draftSaveInputSchema,
  draftSavedSchema,
  draftSummarySchema,
  draftVersionSchema,
  draftVersionSummarySchema,
} from './drafts.js';
import { attachmentImportSchema, attachmentProgressSchema, attachmentTokensSchema } from './attachments.js';
import { attachmentRefSchema, submitMessageSchema, submitOutcomeSchema } from './message.js';
import { requestPreviewSchema } from './preview.js';
import { accountPaceSchema, batchOutcomeSchema, batchRowSchema, batchSubmitSchema, paceSchema } from './batch.js';
import { historyRetrySchema, outboxIdSchema, outboxRowSchema, outboxSettingsPatchSchema, outboxSettingsSchema } from './outbox.js';
import {
  historyChangedSchema,
  historyDeletedSchema,
  historyDeleteSchema,
  historyIdSchema,
  historyRestoreSchema,
  historyThreadSchema,
  recipientSuggestionSchema,
  recipientsSuggestSchema,
  replyTargetQuerySchema,
  searchHitSchema,
  searchQuerySchema,
  threadsPageSchema,
  threadsQuerySchema,
} from './history.js';
import { menuCommandSchema } from './menu-command.js';
import { editableMessageSchema } from './editable-message.js';
import { mailClientStatusSchema } from './mail-client.js';
import { spellcheckSetSchema, spellcheckStatusSchema } from './spellcheck.js';
import { composeAttachSchema } from './compose-attach.js';
import { connectionTestInputSchema, connectionTestSchema } from './connection-test.js';
import { templateIdInputSchema, templateRenameSchema, templateSaveSchema, templateSchema } from './templates.js';
import { CHANNEL_NAMES, type ChannelName, type EventName } from './ipc-names.js';
import type { Result } from './result.js';

export { isChannelName, isEventName, type ChannelName, type EventName } from './ipc-names.js';

/**
 * The one IPC contract. Every request channel has an input and an output schema; every
 * event from main has a payload schema, keyed by the names in shared/ipc-names.ts. The
 * preload, the renderer and the browser harness derive their types from this file and their
 * channel lists from that one, never by hand.
 */

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Where accounts, drafts and history live on this machine. */
  dataDir: z.string(),
  platform: z.string(),
  runtime: z.enum(['electron', 'harness']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Something main wants the person to know that no request asked about (a keychain gone, a store repaired). */
export const noticeSchema = z.object({
  id: z.string().min(1).max(100),
  level: z.enum(['info', 'warning', 'error']),
  text: z.string().min(1).max(2_000),
});
export type Notice = z.infer<typeof noticeSchema>;

/** A provider an account can send through, and what it can carry. */
export const providerInfoSchema = z.object({
  id: providerIdSchema,
  displayName: z.string(),
  capabilities: capabilitiesSchema,
  /** Whether the vendor documents a harmless read, so Test connection can check a key without sending. */
  testsConnection: z.boolean(),
});
export type ProviderInfo = z.infer<typeof providerInfoSchema>;

const none = z.undefined();

export const channels = {
  'app:info': { input: none, output: appInfoSchema },
  'providers:list': { input: none, output: z.array(providerInfoSchema) },
  'notices:list': { input: none, output: z.array(noticeSchema) },
  'notices:dismiss': { input: z.object({ id: noticeSchema.shape.id }).strict(), output: z.array(noticeSchema) },
  'outbox:submit': { input: submitMessageSchema, output: submitOutcomeSchema },
  'drafts:save': { input: draftSaveInputSchema, output: draftSavedSchema },
  'drafts:list': { input: none, output: z.array(draftSummarySchema) },
  /** A draft as the composer opens it. */
  'drafts:get': { input: z.object({ id: draftIdSchema }).strict(), output: editableMessageSchema },
  /**
   * What the window reopens at start, in one round trip: the newest draft whose message is not
   * in the outbox, as the composer opens it; null when there is none.
   */
  'drafts:newest': { input: none, output: editableMessageSchema.nullable() },
  'drafts:delete': { input: z.object({ id: draftIdSchema }).strict(), output: z.null() },
  'drafts:restore': { input: z.object({ id: draftIdSchema }).strict(), output: z.null() },
  'drafts:versions': { input: z.object({ id: draftIdSchema }).strict(), output: z.array(draftVersionSummarySchema) },
  'drafts:version': { input: z.object({ draftId: draftIdSchema, versionId: z.number().int().positive() }).strict(), output: draftVersionSchema },
  /** Opens the system's file dialog; cancelling answers an empty list. */
  'attachments:pick': { input: none, output: z.array(attachmentRefSchema) },
  /** A pasted or dropped file whose bytes the renderer already holds. */
  'attachments:import': { input: attachmentImportSchema, output: attachmentRefSchema },
  /** Files removed from the composer; copies nothing else references are deleted. */
  'attachments:discard': { input: attachmentTokensSchema, output: z.null() },
  'accounts:list': { input: none, output: accountsListSchema },
  /** Adds (no id) or edits an account; an empty secret keeps the stored one. Never answers with the secret. */
  'accounts:save': { input: accountDraftSchema, output: accountViewSchema },
  /** Test connection: one harmless read with these settings and key (never a send); the answer says what it found. */
  'accounts:testConnection': { input: connectionTestInputSchema, output: connectionTestSchema },
  'accounts:remove': { input: z.object({ id: z.string().min(1).max(100) }).strict(), output: accountsListSchema },
  'accounts:setDefault': { input: z.object({ id: z.string().min(1).max(100) }).strict(), output: accountsListSchema },
  /** The passphrase asked once per start when keys are protected by one; a wrong one fails with kind `auth`. */
  'accounts:unlock': { input: z.object({ passphrase: passphraseSchema }).strict(), output: accountsListSchema },
  /** When the computer offers no keychain: protect keys with a passphrase, or keep them for this session only. */
  'accounts:chooseVaultMode': { input: vaultChoiceSchema, output: accountsListSchema },
  /**
   * Undo send: takes a queued message back before its `sendAt` and answers it as the composer
   * opens it (its draft, or what was submitted). Later it fails with kind `conflict` and a sentence.
   */
  'outbox:cancel': { input: z.object({ id: outboxIdSchema }).strict(), output: editableMessageSchema },
  /** Edit: a waiting or failed message leaves the outbox (said on it) and opens in the composer. */
  'outbox:edit': { input: z.object({ id: outboxIdSchema }).strict(), output: editableMessageSchema },
  /** A scheduled message, or one in its undo delay, goes now. */
  'outbox:sendNow': { input: z.object({ id: outboxIdSchema }).strict(), output: outboxRowSchema },
  /** A scheduled message gets another time (ISO 8601 with a zone offset). */
  'outbox:reschedule': { input: z.object({ id: outboxIdSchema, sendAt: z.iso.datetime({ offset: true }) }).strict(), output: outboxRowSchema },
  /** A message waiting out a back-off is tried at once. */
  'outbox:retryNow': { input: z.object({ id: outboxIdSchema }).strict(), output: outboxRowSchema },
  /**
   * A failed message goes again with the same idempotency key; an unknown outcome only through
   * a vendor that honours the key (elsewhere it fails with kind `conflict` and says why).
   */
  'outbox:retry': { input: z.object({ id: outboxIdSchema }).strict(), output: outboxRowSchema },
  /** An unknown outcome sent again although it may arrive twice (the window asked first). */
  'outbox:sendAgain': { input: z.object({ id: outboxIdSchema }).strict(), output: outboxRowSchema },
  /** Asks the vendor whether it has a message whose outcome is unknown; the row takes its answer. */
  'outbox:check': { input: z.object({ id: outboxIdSchema }).strict(), output: outboxRowSchema },
  /** Every waiting, sending, failed or unknown message, then the most recent sent and cancelled ones. */
  'outbox:list': { input: none, output: z.array(outboxRowSchema) },
  'outbox:getSettings': { input: none, output: outboxSettingsSchema },
  /** Send individually: one outbox entry per To recipient (own id and key), merge fields filled, paced. */
  'outbox:submitBatch': { input: batchSubmitSchema, output: batchOutcomeSchema },
  /** The recent batches with their progress (sent / failed / waiting) and their messages' outbox ids. */
  'outbox:batches': { input: none, output: z.array(batchRowSchema) },
  /** "Preview request": the request the account's adapter would make for this message (a dry run), secrets masked. */
  'preview:request': { input: submitMessageSchema, output: requestPreviewSchema },
  'outbox:pace': { input: z.object({ accountId: accountPaceSchema.shape.accountId }).strict(), output: accountPaceSchema },
  /** Sets an account's sending pace; null goes back to the vendor's default. */
  'outbox:setPace': { input: z.object({ accountId: accountPaceSchema.shape.accountId, pace: paceSchema.nullable() }).strict(), output: accountPaceSchema },
  'outbox:setSettings': { input: outboxSettingsPatchSchema, output: outboxSettingsSchema },
  /** The Sent view: threads newest first, one page at a time (pass `nextCursor` back for the next). */
  'history:threads': { input: threadsQuerySchema, output: threadsPageSchema },
  'history:thread': { input: z.object({ id: historyIdSchema }).strict(), output: historyThreadSchema },
  /** Full-text search (subject, body, recipients; prefix matching), newest first, matches as segments. */
  'history:search': { input: searchQuerySchema, output: z.array(searchHitSchema) },
  /** Composer autocomplete from the addresses sent to: most used, then most recent, first. */
  'history:suggestRecipients': { input: recipientsSuggestSchema, output: z.array(recipientSuggestionSchema) },
  /** Hides a message or a thread; undo with `history:restore` until Composer restarts. */
  'history:delete': { input: historyDeleteSchema, output: historyDeletedSchema },
  'history:restore': { input: historyRestoreSchema, output: z.null() },
  /** What the composer opens with for Reply, Reply all, Forward, or a copy (Retry, Open in composer) of a recorded message. */
  'history:replyTarget': { input: replyTargetQuerySchema, output: editableMessageSchema },
  /**
   * Retry of a failed or maybe-sent message from the Sent view, decided in main: the outbox's
   * own row again under its idempotency key, else a copy through the outbox's checks, else (its
   * files are gone) the message to open in the composer.
   */
  'outbox:retryFromHistory': { input: z.object({ messageId: historyIdSchema }).strict(), output: historyRetrySchema },
  /**
   * Compose requests (from `mailto:` links) that arrived before the page listened. Subscribe
   * to `compose:open` first, then call this once at start; later requests come as events.
   */
  'compose:pending': { input: none, output: z.array(editableMessageSchema) },
  /** Whether Composer opens the computer's email links, in the platform's wording for the setting. */
  'mailClient:status': { input: none, output: mailClientStatusSchema },
  /** Makes Composer the default mail app (on Windows: opens Settings, where the person chooses). */
  'mailClient:makeDefault': { input: none, output: mailClientStatusSchema },
  /** The spellchecker's languages: the dictionaries there are, the chosen ones, the system's. */
  'spellcheck:status': { input: none, output: spellcheckStatusSchema },
  /** Chooses the spellchecker's languages (kept in the settings); an empty list follows the system. */
  'spellcheck:set': { input: spellcheckSetSchema, output: spellcheckStatusSchema },
  /** Templates and snippets, live ones only, by name. */
  'templates:list': { input: none, output: z.array(templateSchema) },
  /** Saves a new one (no id) or replaces one; a name already used for the same account fails with kind `conflict`. */
  'templates:save': { input: templateSaveSchema, output: templateSchema },
  'templates:rename': { input: templateRenameSchema, output: templateSchema },
  /** Hides one; `templates:restore` brings it back until Composer restarts. */
  'templates:delete': { input: templateIdInputSchema, output: z.null() },
  /** Undo of a delete; under a free name ("Name (2)") if its own was taken meanwhile. */
  'templates:restore': { input: templateIdInputSchema, output: templateSchema },
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'notices:changed': z.array(noticeSchema),
  'drafts:changed': z.array(draftSummarySchema),
  'accounts:changed': accountsListSchema,
  /** The outbox list (as `outbox:list` answers it) after every change of state or progress. */
  'outbox:changed': z.array(outboxRowSchema),
  'history:changed': historyChangedSchema,
  /** A menu item or its accelerator was used; see shared/menu-command.ts for what each asks. */
  'menus:command': menuCommandSchema,
  /** Open a composer with these fields (a `mailto:` link was opened); `notice` says what could not be read. */
  'compose:open': editableMessageSchema,
  /** Attach these files to the open composer (they were dropped on the app's icon); `notice` names the ones left out. */
  'compose:attach': composeAttachSchema,
  /** A picked file on its way in, where that takes a while (the browser harness's upload): how much has arrived. */
  'attachments:progress': attachmentProgressSchema,
  /** The templates and snippets (as `templates:list` answers) after every change. */
  'templates:changed': z.array(templateSchema),
} as const satisfies Record<EventName, z.ZodType>;

export type ChannelInput<C extends ChannelName> = z.input<(typeof channels)[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<(typeof channels)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames: readonly ChannelName[] = CHANNEL_NAMES;

type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type Verb<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;
type Call<C extends ChannelName> = undefined extends ChannelInput<C>
  ? (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
  : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

/**
 * `window.mailer`: `mailer.app.info()`, `mailer.notices.dismiss({ id })`, and
 * `mailer.on('notices:changed', cb)` returning an unsubscribe function.
 */
export type MailerApi = {
  [D in Domain<ChannelName>]: { [C in ChannelName as Verb<C, D>]: Call<C> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
