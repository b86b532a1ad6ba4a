import { describe, expect, it } from 'vitest';
import { channelNames, events } from './ipc.js';

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
