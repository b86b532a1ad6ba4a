import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startVendorServer, stateSlot, type SimulatorHandler, type VendorSimulator } from './server.js';
import { expectNoSecret } from './no-secret.js';

const echo: SimulatorHandler = {
  name: 'echo',
  parse: 'json',
  info: { apiKey: 'k' },
  handle: (req, state) => {
    const counter = stateSlot(state, 'count', () => ({ n: 0 }));
    counter.n += 1;
    return { status: 201, headers: { 'x-request-id': `req_${counter.n}` }, body: { id: `msg_${counter.n}`, got: req.body } };
  },
};

const form: SimulatorHandler = { name: 'form', parse: 'multipart', handle: () => ({ status: 201, body: { ok: true } }) };

let sims: VendorSimulator[] = [];
async function start(handler: SimulatorHandler): Promise<VendorSimulator> {
  const sim = await startVendorServer(handler);
  sims.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});

const postJson = (url: string, body: string, signal?: AbortSignal): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Key': 'abc' }, body, ...(signal ? { signal } : {}) });

describe('startVendorServer', () => {
  it('records method, path, query, lower-case headers and the parsed body, and answers from the handler', async () => {
    const sim = await start(echo);
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.info).toEqual({ apiKey: 'k' });
    const res = await postJson(`${sim.url}/v1/send?a=1&b=two`, '{"to":["a@b.io"]}');
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('req_1');
    expect(await res.json()).toEqual({ id: 'msg_1', got: { to: ['a@b.io'] } });
    const [req] = sim.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/v1/send', query: { a: '1', b: 'two' }, body: { to: ['a@b.io'] }, rawBodyBytes: 17, files: [] });
    expect(req?.headers['x-key']).toBe('abc');
    expect(req?.contentType).toBe('application/json');
  });

  it('answers 400 invalid_json for a broken body, or the handler\'s own answer, and still records it', async () => {
    const sim = await start(echo);
    const res = await postJson(sim.url, '{"to":');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_json' });
    expect(sim.requests[0]?.body).toBe('{"to":');

    const own = await start({ ...echo, onInvalidBody: (reason) => ({ status: 422, body: { detail: reason.length > 0 ? 'bad json' : '' } }) });
    const res2 = await postJson(own.url, 'nope');
    expect(res2.status).toBe(422);
    expect(await res2.json()).toEqual({ detail: 'bad json' });
  });

  it('streams multipart uploads: fields as arrays, files hashed and sized (25 MB)', async () => {
    const sim = await start(form);
    const size = 25 * 1024 * 1024;
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i += 4096) bytes[i] = i % 251;
    const data = new FormData();
    data.append('to', '{"identifier":"a@b.io"}');
    data.append('to', '{"identifier":"c@d.io"}');
    data.append('subject', 'Hi');
    data.append('attachments', new Blob([bytes], { type: 'application/pdf' }), 'big.pdf');
    const res = await fetch(sim.url, { method: 'POST', body: data });
    expect(res.status).toBe(201);
    const [req] = sim.requests;
    expect(req?.body).toEqual({ to: ['{"identifier":"a@b.io"}', '{"identifier":"c@d.io"}'], subject: ['Hi'] });
    expect(req?.files).toEqual([
      { field: 'attachments', filename: 'big.pdf', mimeType: 'application/pdf', size, sha256: createHash('sha256').update(bytes).digest('hex') },
    ]);
    expect(req?.rawBodyBytes).toBeGreaterThan(size);
    expect(req?.contentType).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('treats a non-multipart body sent to a multipart vendor as invalid', async () => {
    const sim = await start(form);
    const res = await postJson(sim.url, '{}');
    expect(res.status).toBe(400);
    expect(sim.requests).toHaveLength(1);
  });

  it('injects a status fault for the next N requests, then answers normally', async () => {
    const sim = await start(echo);
    sim.injectFault({ kind: 'status', status: 503, body: { error: 'down' }, headers: { 'retry-after': '7' } }, { times: 2 });
    const first = await postJson(sim.url, '{}');
    const second = await postJson(sim.url, '{}');
    const third = await postJson(sim.url, '{}');
    expect([first.status, second.status, third.status]).toEqual([503, 503, 201]);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(await first.json()).toEqual({ error: 'down' });
    expect(sim.requests).toHaveLength(3);
  });

  it('delays, then answers normally', async () => {
    const sim = await start(echo);
    sim.injectFault({ kind: 'delay', ms: 120 });
    const started = Date.now();
    const res = await postJson(sim.url, '{}');
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('hangs until the client gives up, and close() ends a hung request', async () => {
    const sim = await start(echo);
    sim.injectFault({ kind: 'hang' }, { times: 2 });
    await expect(postJson(sim.url, '{}', AbortSignal.timeout(80))).rejects.toThrow();
    const pending = postJson(sim.url, '{"x":1}').then(
      () => 'answered',
      () => 'closed',
    );
    // Closed once the simulator holds the request, however long a loaded machine takes to deliver it.
    while (sim.requests.length < 2) await new Promise((r) => setTimeout(r, 10));
    await sim.close();
    expect(await pending).toBe('closed');
    expect(sim.requests).toHaveLength(2);
  });

  it('sends a truncated JSON body with the handler\'s success status', async () => {
    const sim = await start(echo);
    sim.injectFault({ kind: 'malformed-json' });
    const res = await postJson(sim.url, '{}');
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const text = await res.text();
    expect(text.length).toBeGreaterThan(1);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('answers an HTML error page', async () => {
    const sim = await start(echo);
    sim.injectFault({ kind: 'html', status: 502 });
    const res = await postJson(sim.url, '{}');
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('<title>502 Bad Gateway</title>');
  });

  it('resets mid-body by default and before any header on request', async () => {
    const sim = await start(echo);
    sim.injectFault({ kind: 'reset' });
    const res = await postJson(sim.url, '{}');
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();

    sim.injectFault({ kind: 'reset', beforeHeaders: true });
    await expect(postJson(sim.url, '{}')).rejects.toThrow(/fetch failed/);
    expect(sim.requests).toHaveLength(2);
  });

  it('loses the answer after the handler accepted the message: a 504 page, or a cut mid-body', async () => {
    const sim = await start(echo);
    sim.injectFault({ kind: 'lost-response', as: 'gateway-timeout' });
    const res = await postJson(sim.url, '{}');
    expect(res.status).toBe(504);
    expect(await res.text()).toContain('<title>504 Gateway Timeout</title>');
    sim.injectFault({ kind: 'lost-response', as: 'reset' });
    const cut = await postJson(sim.url, '{}');
    await expect(cut.text()).rejects.toThrow();
    // Both reached the handler: the next answer is its third.
    expect(await (await postJson(sim.url, '{}')).json()).toMatchObject({ id: 'msg_3' });
  });

  it('applies a fault at a rate decided by the injected random source; clearFaults and reset undo', async () => {
    const sim = await start(echo);
    const rolls = [0.1, 0.9, 0.2];
    sim.injectFaultRate({ kind: 'status', status: 500 }, 0.5, () => rolls.shift() ?? 1);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await postJson(sim.url, '{}')).status);
    expect(statuses).toEqual([500, 201, 500, 201]);

    sim.injectFault({ kind: 'status', status: 418 }, { times: 5 });
    sim.clearFaults();
    expect((await postJson(sim.url, '{}')).status).toBe(201);

    sim.reset();
    expect(sim.requests).toHaveLength(0);
    const res = await postJson(sim.url, '{}');
    // State was cleared too: the handler's counter restarts.
    expect(await res.json()).toMatchObject({ id: 'msg_1' });
  });

  it('rejects nonsense fault settings', async () => {
    const sim = await start(echo);
    expect(() => sim.injectFault({ kind: 'hang' }, { times: 0 })).toThrow(RangeError);
    expect(() => sim.injectFaultRate({ kind: 'hang' }, 2)).toThrow(RangeError);
  });
});

describe('expectNoSecret', () => {
  const secret = 'sk_live_0123456789';
  it('passes for values that do not hold the secret', () => {
    expectNoSecret(new Error('nothing here'), secret);
    expectNoSecret({ a: 1, nested: [{ b: 'x' }] }, secret);
  });
  it('finds the secret in a message, a hidden property, a cause chain, JSON and encoded forms', () => {
    expect(() => expectNoSecret(new Error(`bad key ${secret}`), secret)).toThrow(/leaked/);
    const hidden = new Error('x');
    Object.defineProperty(hidden, 'headers', { value: { authorization: secret }, enumerable: false });
    expect(() => expectNoSecret(hidden, secret)).toThrow(/leaked/);
    expect(() => expectNoSecret(new Error('outer', { cause: new Error('inner', { cause: { key: secret } }) }), secret)).toThrow(/leaked/);
    expect(() => expectNoSecret({ deep: { deeper: { deepest: { v: [secret] } } } }, secret)).toThrow(/leaked/);
    expect(() => expectNoSecret(`Basic ${Buffer.from(secret).toString('base64')}`, secret)).toThrow(/leaked/);
  });
  it('never prints the secret in its own failure', () => {
    try {
      expectNoSecret({ secret }, secret);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(secret);
      return;
    }
    throw new Error('expected a failure');
  });
});
