import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ICON_FILES } from '../../../shared/compose-attach.js';
import { createAttachmentStore, type AttachmentStore } from '../attachments/attachment-store.js';
import { attachmentsMigrations } from '../attachments/migrations.js';
import { createEventBus } from '../event-bus.js';
import { openStorage, type Storage } from '../storage/database.js';
import { createComposeInbox, MAX_PENDING } from './compose-inbox.js';

let dir = '';
let storage: Storage;
let attachments: AttachmentStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'composer-inbox-'));
  storage = openStorage({ dataDir: path.join(dir, 'data'), clock: () => 1, notices: { post: () => undefined }, migrations: [attachmentsMigrations] });
  attachments = createAttachmentStore({ db: storage.db, dataDir: path.join(dir, 'data'), clock: () => 1, picker: { pickFiles: async () => [] } });
});
afterEach(async () => {
  storage.close();
  await rm(dir, { recursive: true, force: true });
});

function setup() {
  const bus = createEventBus();
  const sent: [string, unknown][] = [];
  bus.subscribe((event, payload) => sent.push([event, payload]));
  return { inbox: createComposeInbox(bus, attachments), sent };
}

async function userFile(name: string, text: string): Promise<string> {
  const file = path.join(dir, 'home', name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

describe('compose inbox', () => {
  it('holds a link that arrives before the page listens and hands it over once, when asked', () => {
    const { inbox, sent } = setup();
    inbox.openMailto('mailto:ann@x.io?subject=Early');
    expect(sent).toEqual([]);
    expect(inbox.takePending()).toEqual([expect.objectContaining({ to: [{ email: 'ann@x.io' }], subject: 'Early', notice: null })]);
    expect(inbox.takePending()).toEqual([]);
  });

  it('sends later links straight to the page as compose:open events', () => {
    const { inbox, sent } = setup();
    inbox.takePending();
    inbox.openMailto('mailto:bob@y.org?body=Hi');
    expect(sent).toEqual([['compose:open', expect.objectContaining({ to: [{ email: 'bob@y.org' }], doc: '<p>Hi</p>' })]]);
  });

  it('holds links again while the page reloads', () => {
    const { inbox, sent } = setup();
    inbox.takePending();
    inbox.pageUnloaded();
    inbox.openMailto('mailto:carl@z.com');
    expect(sent).toEqual([]);
    expect(inbox.takePending().map((r) => r.to)).toEqual([[{ email: 'carl@z.com' }]]);
  });

  it('a malformed link still becomes a request: an empty composer with the reason', () => {
    const { inbox } = setup();
    inbox.openMailto('mailto:%E2%82');
    const [request] = inbox.takePending();
    expect(request).toMatchObject({ to: [], subject: '', doc: '<p></p>', notice: expect.stringContaining('broken %-escape') });
  });

  it(`keeps only the last ${MAX_PENDING} held links`, () => {
    const { inbox } = setup();
    for (let i = 0; i < MAX_PENDING + 5; i++) inbox.openMailto(`mailto:a${i}@x.io`);
    const taken = inbox.takePending();
    expect(taken).toHaveLength(MAX_PENDING);
    expect(taken[0]?.to).toEqual([{ email: 'a5@x.io' }]);
  });
});

describe('files dropped on the app icon', () => {
  it('copies them and sends them to the listening page as one compose:attach event', async () => {
    const { inbox, sent } = setup();
    inbox.takePending();
    const paths = [await userFile('a.txt', 'one'), await userFile('b.csv', 'x,y')];
    await inbox.attachFiles(paths);
    expect(sent).toEqual([['compose:attach', { attachments: [expect.objectContaining({ filename: 'a.txt', size: 3 }), expect.objectContaining({ filename: 'b.csv', size: 3 })] }]]);
    const [, payload] = sent[0] ?? [];
    const token = (payload as { attachments: { token: string }[] }).attachments[0]?.token ?? '';
    expect((await attachments.open(token)).filename).toBe('a.txt');
  });

  it('holds files dropped before the page listens, and sends them when it asks', async () => {
    const { inbox, sent } = setup();
    await inbox.attachFiles([await userFile('early.txt', 'hi')]);
    expect(sent).toEqual([]);
    inbox.openMailto('mailto:ann@x.io');
    expect(inbox.takePending()).toHaveLength(1);
    expect(sent.map(([event]) => event)).toEqual(['compose:attach']);
    inbox.takePending();
    expect(sent).toHaveLength(1);
  });

  it('attaches what it can and says what it could not, with the reason', async () => {
    const { inbox, sent } = setup();
    inbox.takePending();
    const good = await userFile('kept.txt', 'ok');
    await inbox.attachFiles([path.join(dir, 'home', 'vanished.pdf'), good]);
    expect(sent).toEqual([
      ['compose:attach', { attachments: [expect.objectContaining({ filename: 'kept.txt' })], notice: expect.stringMatching(/^"vanished\.pdf" could not be read: .*drop it again/) }],
    ]);
  });

  it(`attaches at most ${MAX_ICON_FILES} files at once and says how many were left out`, async () => {
    const { inbox } = setup();
    inbox.takePending();
    const one = await userFile('same.txt', 'x');
    const result = await inbox.attachFiles(Array.from({ length: MAX_ICON_FILES + 2 }, () => one), 1);
    expect(result.attachments).toHaveLength(MAX_ICON_FILES);
    expect(result.notice).toBe(`3 more files were not attached: at most ${MAX_ICON_FILES} files can be dropped on the icon at once. Drop the others in a second time.`);
  });

  it('sends nothing when there was nothing to attach', async () => {
    const { inbox, sent } = setup();
    inbox.takePending();
    await inbox.attachFiles([]);
    expect(sent).toEqual([]);
  });
});
