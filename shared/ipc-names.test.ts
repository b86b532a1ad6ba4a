import { describe, expect, it } from 'vitest';
import { channels, channelNames, events } from './ipc.js';
import { CHANNEL_NAMES, EVENT_NAMES, isChannelName, isEventName } from './ipc-names.js';

/**
 * A channel's prefix names the room in electron/ that serves it, so `bridge().history.replyTarget`
 * is found in electron/services/history/. A new prefix belongs in this list with its folder.
 */
const ROOMS: Record<string, string> = {
  app: 'electron/core.ts',
  providers: 'electron/providers/',
  menus: 'electron/menus/',
  notices: 'electron/services/notices.ts',
  accounts: 'electron/services/accounts/',
  attachments: 'electron/services/attachments/',
  compose: 'electron/services/compose/',
  drafts: 'electron/services/drafts/',
  history: 'electron/services/history/',
  mailClient: 'electron/services/mail-client/',
  outbox: 'electron/services/outbox/',
  preview: 'electron/services/preview/',
  spellcheck: 'electron/services/spellcheck/',
  templates: 'electron/services/templates/',
};

const allNames = [...channelNames, ...Object.keys(events)];

describe('channel names', () => {
  it.each(allNames)('%s is room:method in camelCase, read as bridge().room.method', (name) => {
    expect(name).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/);
  });

  it.each(allNames)('%s is served by a room that exists', (name) => {
    expect(Object.keys(ROOMS)).toContain(name.split(':')[0]);
  });
});

describe('the names the bridge is built from', () => {
  it('are exactly the channels and events the contract has schemas for', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(channels).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
  });

  it('tell a contract name from anything else', () => {
    expect(isChannelName('drafts:save')).toBe(true);
    expect(isChannelName('drafts:changed')).toBe(false);
    expect(isChannelName('toString')).toBe(false);
    expect(isEventName('drafts:changed')).toBe(true);
    expect(isEventName('__proto__')).toBe(false);
    expect(isEventName(42)).toBe(false);
  });
});
