import { describe, expect, it } from 'vitest';
import { createEventBus } from '../event-bus.js';
import { createComposeInbox, MAX_PENDING } from './compose-inbox.js';

function setup() {
  const bus = createEventBus();
  const sent: unknown[] = [];
  bus.subscribe((event, payload) => sent.push([event, payload]));
  return { inbox: createComposeInbox(bus), sent };
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
    expect(sent).toEqual([['compose:open', expect.objectContaining({ to: [{ email: 'bob@y.org' }], body: 'Hi' })]]);
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
    expect(request).toMatchObject({ to: [], subject: '', body: '', notice: expect.stringContaining('broken %-escape') });
  });

  it(`keeps only the last ${MAX_PENDING} held links`, () => {
    const { inbox } = setup();
    for (let i = 0; i < MAX_PENDING + 5; i++) inbox.openMailto(`mailto:a${i}@x.io`);
    const taken = inbox.takePending();
    expect(taken).toHaveLength(MAX_PENDING);
    expect(taken[0]?.to).toEqual([{ email: 'a5@x.io' }]);
  });
});
