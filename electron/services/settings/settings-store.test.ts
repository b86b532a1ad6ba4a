import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/ipc.js';
import { SETTINGS_FORMAT_VERSION, settingsMigrations } from './migrations.js';
import { openSettingsStore, SETTINGS_FILE } from './settings-store.js';

let dir = '';
let notices: Notice[] = [];
const board = { post: (notice: Notice) => void notices.push(notice) };
const open = () => openSettingsStore({ dir, notices: board, now: () => new Date('2025-03-04T05:06:07.000Z') });
const account = {
  id: 'a1',
  label: 'Work',
  from: { name: 'Ann', email: 'ann@example.com' },
  settings: { provider: 'sandbox' as const, timeoutMs: 30_000 },
  signatureHtml: '<p>Ann</p>',
  createdAt: '2025-01-01T00:00:00.000Z',
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-settings-'));
  notices = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settings store', () => {
  it('starts empty, writes a file only its owner can read, and reads back what was written after a restart', async () => {
    const store = open();
    expect(store.read()).toEqual({ accounts: [], defaultAccountId: null, secrets: {}, vault: { mode: 'platform' }, spellcheckLanguages: [] });
    store.write({ accounts: [account], defaultAccountId: 'a1' });
    expect((await stat(path.join(dir, SETTINGS_FILE))).mode & 0o777).toBe(0o600);
    const again = open();
    expect(again.read().accounts).toEqual([account]);
    expect(again.read().defaultAccountId).toBe('a1');
    expect(notices).toEqual([]);
  });

  it('refuses to write settings that break the schema and keeps what was there', () => {
    const store = open();
    expect(() => store.write({ defaultAccountId: 42 as unknown as string })).toThrow();
    expect(open().read().defaultAccountId).toBeNull();
  });

  it('sets a damaged file aside as a backup, says so, and starts with empty settings', async () => {
    await writeFile(path.join(dir, SETTINGS_FILE), '{"accounts": [ {"id": "a1", "lab');
    const store = open();
    expect(store.read().accounts).toEqual([]);
    const backup = 'settings.damaged-2025-03-04T05-06-07-000Z.json';
    expect(await readdir(dir)).toContain(backup);
    expect(await readFile(path.join(dir, backup), 'utf8')).toContain('"lab');
    expect(notices).toEqual([expect.objectContaining({ id: 'settings-repaired', level: 'warning', text: expect.stringContaining(backup) })]);
    store.write({ accounts: [account] });
    expect(open().read().accounts).toHaveLength(1);
  });

  it('sets aside a file that parses but holds no valid settings (an account without an address)', async () => {
    await writeFile(path.join(dir, SETTINGS_FILE), JSON.stringify({ accounts: [{ ...account, from: { email: 'not an address' } }], defaultAccountId: null, secrets: {}, vault: { mode: 'platform' } }));
    expect(open().read().accounts).toEqual([]);
    expect(notices.map((n) => n.id)).toEqual(['settings-repaired']);
  });
});

describe('settings migrations', () => {
  it('has a step for every format version up to the current one', () => {
    expect(Object.keys(settingsMigrations).at(-1)).toBe(SETTINGS_FORMAT_VERSION);
  });

  it('1.0.0 gives a file from before the format every key and keeps what it had', async () => {
    await writeFile(path.join(dir, SETTINGS_FILE), JSON.stringify({ defaultAccountId: 'a1', accounts: [account] }));
    const store = open();
    expect(store.read()).toEqual({ accounts: [account], defaultAccountId: 'a1', secrets: {}, vault: { mode: 'platform' }, spellcheckLanguages: [] });
    const raw = JSON.parse(await readFile(path.join(dir, SETTINGS_FILE), 'utf8')) as { __internal__?: { migrations?: { version?: string } } };
    expect(raw.__internal__?.migrations?.version).toBe(SETTINGS_FORMAT_VERSION);
    expect(notices).toEqual([]);
  });

  it('1.0.0 on its own fills only the missing keys', () => {
    const data = new Map<string, unknown>([['accounts', [account]]]);
    settingsMigrations['1.0.0']?.({ has: (k) => data.has(k), get: (k) => data.get(k), set: (k, v) => void data.set(k, v) });
    expect(Object.fromEntries(data)).toEqual({ accounts: [account], defaultAccountId: null, secrets: {}, vault: { mode: 'platform' } });
  });

  it('1.0.0 leaves an already-migrated file alone', async () => {
    open().write({ accounts: [account], defaultAccountId: 'a1', vault: { mode: 'session' } });
    expect(open().read()).toEqual({ accounts: [account], defaultAccountId: 'a1', secrets: {}, vault: { mode: 'session' }, spellcheckLanguages: [] });
  });

  it('1.1.0 opens a 1.0.0 file with no spellcheck languages chosen, keeping everything else, and keeps a later choice', async () => {
    const v1 = { accounts: [account], defaultAccountId: 'a1', secrets: {}, vault: { mode: 'session' }, __internal__: { migrations: { version: '1.0.0' } } };
    await writeFile(path.join(dir, SETTINGS_FILE), JSON.stringify(v1));
    const store = open();
    expect(store.read()).toEqual({ accounts: [account], defaultAccountId: 'a1', secrets: {}, vault: { mode: 'session' }, spellcheckLanguages: [] });
    store.write({ spellcheckLanguages: ['en-GB', 'de'] });
    expect(open().read().spellcheckLanguages).toEqual(['en-GB', 'de']);
    expect(notices).toEqual([]);
  });

  it('1.1.0 on its own replaces a damaged language list and leaves a good one', () => {
    const data = new Map<string, unknown>([['spellcheckLanguages', 'en-GB']]);
    const target = { has: (k: string) => data.has(k), get: (k: string) => data.get(k), set: (k: string, v: unknown) => void data.set(k, v) };
    settingsMigrations['1.1.0']?.(target);
    expect(data.get('spellcheckLanguages')).toEqual([]);
    data.set('spellcheckLanguages', ['fr']);
    settingsMigrations['1.1.0']?.(target);
    expect(data.get('spellcheckLanguages')).toEqual(['fr']);
  });
});
