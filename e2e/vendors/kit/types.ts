/** One file part of a multipart request: hashed while it streamed in, never kept. */
export interface RecordedFile {
  field: string;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /**
   * Parsed JSON; for multipart an object of field name -> string[]; the raw text when a JSON
   * body did not parse (so a test can still see what arrived); undefined when empty.
   */
  body: unknown;
  rawBodyBytes: number;
  files: RecordedFile[];
  contentType: string;
}

export interface VendorReply {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  rawBody?: string;
  rawContentType?: string;
}

export type Fault =
  /** Answers normally: queued before another fault, it aims that one at a later request. */
  | { kind: 'none' }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Waits, then answers normally. */
  | { kind: 'delay'; ms: number }
  /** Never answers (until the server closes). */
  | { kind: 'hang' }
  /** The handler's own answer (its 2xx status unless `status` is given) with a truncated JSON body. */
  | { kind: 'malformed-json'; status?: number }
  /** An HTML error page, as a proxy or load balancer in front of the vendor would send. */
  | { kind: 'html'; status: number }
  /**
   * Destroys the socket after reading the request. By default the status line, headers and
   * part of the body go out first (the body then fails mid-stream); `beforeHeaders` closes
   * without writing anything, which the client sees as the connection dropping mid-request.
   */
  | { kind: 'reset'; beforeHeaders?: boolean }
  /**
   * The handler runs (the vendor accepts the message, and keeps any idempotency record), then
   * the answer is lost: a proxy's 504 page (`gateway-timeout`) or a connection cut mid-body (`reset`).
   */
  | { kind: 'lost-response'; as: 'gateway-timeout' | 'reset' };

export interface VendorSimulator {
  name: string;
  /** Base URL, e.g. http://127.0.0.1:PORT */
  url: string;
  requests: RecordedRequest[];
  /** What the simulator accepts (keys, endpoint path, ...), copied from the handler; printed by the CLI. */
  info: Record<string, string>;
  /** The handler's state, for a simulator's own helpers to read (e.g. the messages it accepted). */
  state: Map<string, unknown>;
  /** Applies to the next N requests (default 1). */
  injectFault(fault: Fault, opts?: { times?: number }): void;
  /** Applies to each request with probability `rate`. */
  injectFaultRate(fault: Fault, rate: number, random?: () => number): void;
  clearFaults(): void;
  /**
   * Requests the vendor's logic has run for (accepted, refused or replayed), a delayed one only
   * once its delay is over: lets a test wait until a held request has really been dealt with.
   */
  handledCount(): number;
  /** Clears requests, faults and the handler's state. */
  reset(): void;
  close(): Promise<void>;
}

export interface SimulatorHandler {
  name: string;
  parse: 'json' | 'multipart';
  handle(req: RecordedRequest, state: Map<string, unknown>): VendorReply | Promise<VendorReply>;
  /** The vendor's answer to a body that does not parse; default 400 `{error:'invalid_json'}`. */
  onInvalidBody?(reason: string): VendorReply;
  /** Shown by the CLI next to the base URL: test keys, the endpoint path, ids to configure. */
  info?: Record<string, string>;
}
