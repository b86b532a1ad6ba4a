/**
 * The contract's channel and event names alone, without their schemas. The preload and the
 * browser harness's bridge build `window.mailer` from these, so a window starting builds no
 * schema it never checks (main checks every message against shared/ipc.ts). shared/ipc.ts keys
 * its schemas by exactly these names; the compiler holds the two lists together both ways.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'providers:list',
  'notices:list',
  'notices:dismiss',
  'accounts:list',
  'accounts:save',
  'accounts:testConnection',
  'accounts:remove',
  'accounts:setDefault',
  'accounts:unlock',
  'accounts:chooseVaultMode',
  'drafts:save',
  'drafts:list',
  'drafts:get',
  'drafts:newest',
  'drafts:delete',
  'drafts:restore',
  'drafts:versions',
  'drafts:version',
  'attachments:pick',
  'attachments:import',
  'attachments:discard',
  'outbox:submit',
  'outbox:cancel',
  'outbox:edit',
  'outbox:sendNow',
  'outbox:reschedule',
  'outbox:retryNow',
  'outbox:retry',
  'outbox:sendAgain',
  'outbox:check',
  'outbox:list',
  'outbox:getSettings',
  'outbox:setSettings',
  'outbox:submitBatch',
  'outbox:batches',
  'outbox:pace',
  'outbox:setPace',
  'outbox:retryFromHistory',
  'preview:request',
  'history:threads',
  'history:thread',
  'history:search',
  'history:suggestRecipients',
  'history:delete',
  'history:restore',
  'history:replyTarget',
  'compose:pending',
  'mailClient:status',
  'mailClient:makeDefault',
  'spellcheck:status',
  'spellcheck:set',
  'templates:list',
  'templates:save',
  'templates:rename',
  'templates:delete',
  'templates:restore',
] as const;

export const EVENT_NAMES = [
  'notices:changed',
  'drafts:changed',
  'accounts:changed',
  'outbox:changed',
  'history:changed',
  'menus:command',
  'compose:open',
  'compose:attach',
  'attachments:progress',
  'templates:changed',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventSet: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && channelSet.has(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && eventSet.has(name);
}
