import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DraftContent } from '../shared/drafts.js';
import type { EditableMessage } from '../shared/editable-message.js';
import type { AttachmentRef } from '../shared/message.js';
import type { Core } from './core.js';
import { call, testCore, testWindow } from './core-test-support.js';

const sender = testWindow;
let dir: string;
let picks: string[][];
const started: Core[] = [];

function start(): Core {
  const core = testCore(path.join(dir, 'data'), { filePicker: { pickFiles: async () => picks.shift() ?? [] } });
  started.push(core);
  return core;
}

const content = (attachments: AttachmentRef[] = []): DraftContent => ({
  accountId: null,
  to: [{ email: 'not-an-address' }],
  cc: [],
  bcc: [{ name: 'Lee', email: 'lee@z.com' }],
  subject: 'Plans',
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'See the attached plan.' }] }] },
  showCc: false,
  showBcc: true,
  attachments,
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-core-'));
  picks = [];
});
afterEach(async () => {
  for (const core of started.splice(0)) core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('core: drafts and attachments over the contract', () => {
  it('brings a draft and its attached copy back after a restart, with the original file gone', async () => {
    const original = path.join(dir, 'plan.pdf');
    await writeFile(original, 'pdf bytes');
    picks.push([original]);
    const first = start();
    const attached = await call<AttachmentRef[]>(first, 'attachments:pick');
    const saved = await call<{ id: string }>(first, 'drafts:save', { content: content(attached) });
    first.close();
    await rm(original);

    const second = start();
    await second.ready;
    const { draft, doc, sign: _sign, notice: _notice, lastError: _error, ...fields } = await call<EditableMessage>(second, 'drafts:get', { id: saved.id });
    expect(draft?.id).toBe(saved.id);
    expect({ ...fields, doc }).toEqual(content(attached));
    const stored = await second.attachments.open(attached[0]!.token);
    expect(stored).toMatchObject({ filename: 'plan.pdf', size: 9 });
    expect(await (await stored.open()).text()).toBe('pdf bytes');
  });

  it('removes a deleted draft’s copies at the next start, not before', async () => {
    const first = start();
    const ref = await call<AttachmentRef>(first, 'attachments:import', { filename: 'a.txt', mimeType: 'text/plain', dataBase64: 'aGk=' });
    const { id } = await call<{ id: string }>(first, 'drafts:save', { content: content([ref]) });
    await call(first, 'drafts:delete', { id });
    await call(first, 'attachments:discard', { tokens: [ref.token] });
    expect(await readdir(path.join(dir, 'data', 'attachments'))).toEqual([ref.token]);
    await call(first, 'drafts:restore', { id });
    await call(first, 'drafts:delete', { id });
    first.close();

    const second = start();
    await second.ready;
    expect(await readdir(path.join(dir, 'data', 'attachments'))).toEqual([]);
    const restore = await second.dispatch('drafts:restore', { id }, sender);
    expect(restore).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('announces the drafts list to windows after a save', async () => {
    const core = start();
    const announced = new Promise<unknown>((resolve) => core.bus.subscribe((event, payload) => event === 'drafts:changed' && resolve(payload)));
    const { id } = await call<{ id: string }>(core, 'drafts:save', { content: content() });
    expect(await announced).toEqual([expect.objectContaining({ id, subject: 'Plans', recipients: 'not-an-address, Lee', snippet: 'See the attached plan.' })]);
  });

  it('refuses a save of an existing draft that does not say which revision it edited', async () => {
    const core = start();
    const { id } = await call<{ id: string }>(core, 'drafts:save', { content: content() });
    const result = await core.dispatch('drafts:save', { id, content: content() }, sender);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_input', fields: [{ field: 'baseRevision' }] } });
  });

  it('starts with a fresh database and a notice when the old one is unreadable', async () => {
    await mkdir(path.join(dir, 'data'), { recursive: true });
    await writeFile(path.join(dir, 'data', 'composer.sqlite'), 'this is not sqlite'.repeat(1_000));
    const core = start();
    expect(await call(core, 'drafts:list')).toEqual([]);
    const notices = await call<{ id: string; text: string }[]>(core, 'notices:list');
    expect(notices).toEqual([expect.objectContaining({ id: 'storage-set-aside', text: expect.stringMatching(/kept it aside as "composer\.sqlite\.unreadable-/) })]);
  });
});
