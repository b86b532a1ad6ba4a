import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readJsonBody, readMultipartBody, type ParsedBody } from './body.js';
import { FaultPlan, htmlErrorPage, truncateJson } from './faults.js';
import type { Fault, RecordedRequest, SimulatorHandler, VendorReply, VendorSimulator } from './types.js';

export type { Fault, RecordedFile, RecordedRequest, SimulatorHandler, VendorReply, VendorSimulator } from './types.js';

const DEFAULT_INVALID_BODY: VendorReply = { status: 400, body: { error: 'invalid_json' } };

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function hasHeader(headers: Record<string, string> | undefined, name: string): boolean {
  return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === name);
}

function send(res: ServerResponse, reply: VendorReply): void {
  if (res.destroyed || res.headersSent) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload = '';
  if (reply.rawBody !== undefined) {
    payload = reply.rawBody;
    if (!hasHeader(headers, 'content-type')) headers['content-type'] = reply.rawContentType ?? 'text/plain; charset=utf-8';
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/**
 * Starts one vendor simulator on 127.0.0.1 (an OS-chosen port). Every request is recorded
 * before any fault applies, so a test can prove what reached the "vendor" even when the
 * answer was lost.
 */
export async function startVendorServer(handler: SimulatorHandler): Promise<VendorSimulator> {
  const requests: RecordedRequest[] = [];
  const state = new Map<string, unknown>();
  const plan = new FaultPlan();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  let handled = 0;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const answer = async (recorded: RecordedRequest, parsed: ParsedBody): Promise<VendorReply> => {
    if (parsed.invalid !== undefined) return handler.onInvalidBody?.(parsed.invalid) ?? DEFAULT_INVALID_BODY;
    try {
      return await handler.handle(recorded, state);
    } catch (error) {
      // A simulator bug must show up in the test, not as a hang.
      return { status: 500, body: { error: 'simulator_bug', message: error instanceof Error ? error.message : String(error) } };
    } finally {
      handled += 1;
    }
  };

  const applyFault = async (fault: Fault, res: ServerResponse, recorded: RecordedRequest, parsed: ParsedBody): Promise<void> => {
    switch (fault.kind) {
      case 'none':
        send(res, await answer(recorded, parsed));
        return;
      case 'status':
        send(res, { status: fault.status, body: fault.body, ...(fault.headers ? { headers: fault.headers } : {}) });
        return;
      case 'delay':
        await sleep(fault.ms);
        if (!closed) send(res, await answer(recorded, parsed));
        return;
      case 'hang':
        // close() ends the connection via closeAllConnections.
        return;
      case 'html':
        send(res, { status: fault.status, rawBody: htmlErrorPage(fault.status), rawContentType: 'text/html; charset=utf-8' });
        return;
      case 'malformed-json': {
        const reply = await answer(recorded, parsed);
        const ok = reply.status >= 200 && reply.status < 300;
        const status = fault.status ?? (ok ? reply.status : 200);
        const rawBody = truncateJson(JSON.stringify(reply.body ?? { id: 'msg_0' }));
        send(res, { status, rawBody, rawContentType: 'application/json; charset=utf-8', ...(reply.headers ? { headers: reply.headers } : {}) });
        return;
      }
      case 'lost-response':
        await answer(recorded, parsed);
        if (fault.as === 'gateway-timeout') {
          send(res, { status: 504, rawBody: htmlErrorPage(504), rawContentType: 'text/html; charset=utf-8' });
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': '4096' });
        res.write('{"id":"msg_', () => res.socket?.destroy());
        return;
      case 'reset':
        if (fault.beforeHeaders) {
          // An RST (not a FIN): the client sees ECONNRESET with its request already written.
          res.socket?.resetAndDestroy();
          return;
        }
        // Promise a longer body than we send, then close: the body fails mid-stream.
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': '4096' });
        res.write('{"id":"msg_', () => res.socket?.destroy());
        return;
    }
  };

  const server = createServer((req, res) => {
    const fault = plan.next();
    void (async () => {
      // A read carries no body, so a multipart vendor's GET is not refused as a malformed form.
      const multipart = handler.parse === 'multipart' && req.method !== 'GET' && req.method !== 'HEAD';
      const parsed = multipart ? await readMultipartBody(req) : await readJsonBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: flattenHeaders(req),
        body: parsed.body,
        rawBodyBytes: parsed.rawBodyBytes,
        files: parsed.files,
        contentType: req.headers['content-type'] ?? '',
      };
      requests.push(recorded);
      if (parsed.aborted || closed) return;
      if (fault) await applyFault(fault, res, recorded, parsed);
      else send(res, await answer(recorded, parsed));
    })().catch(() => {
      if (!res.headersSent) res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    name: handler.name,
    url: `http://127.0.0.1:${port}`,
    requests,
    info: { ...handler.info },
    state,
    injectFault: (fault, opts) => plan.add(fault, opts?.times ?? 1),
    injectFaultRate: (fault, rate, random) => plan.addRate(fault, rate, random),
    clearFaults: () => plan.clear(),
    handledCount: () => handled,
    reset: () => {
      requests.length = 0;
      handled = 0;
      plan.clear();
      state.clear();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      // Hung and keep-alive connections would otherwise hold close() open forever.
      server.closeAllConnections();
      await done;
    },
  };
}

/** Typed access to a handler's slot in the simulator state; `reset()` empties it. */
export function stateSlot<T>(state: Map<string, unknown>, key: string, init: () => T): T {
  if (!state.has(key)) state.set(key, init());
  return state.get(key) as T;
}
