import type { Fault } from './types.js';

interface Queued {
  fault: Fault;
  remaining: number;
}

interface Rated {
  fault: Fault;
  rate: number;
  random: () => number;
}

/** Which fault, if any, the next request gets: counted faults first, in order, then rated ones. */
export class FaultPlan {
  private queued: Queued[] = [];
  private rated: Rated[] = [];

  add(fault: Fault, times = 1): void {
    if (!Number.isInteger(times) || times < 1) throw new RangeError('times must be a positive integer');
    this.queued.push({ fault, remaining: times });
  }

  addRate(fault: Fault, rate: number, random: () => number = Math.random): void {
    if (!(rate >= 0 && rate <= 1)) throw new RangeError('rate must be between 0 and 1');
    this.rated.push({ fault, rate, random });
  }

  clear(): void {
    this.queued = [];
    this.rated = [];
  }

  /** Called once per request, when it arrives, so concurrent requests take faults in arrival order. */
  next(): Fault | undefined {
    const head = this.queued[0];
    if (head) {
      head.remaining -= 1;
      if (head.remaining === 0) this.queued.shift();
      return head.fault;
    }
    for (const entry of this.rated) {
      if (entry.random() < entry.rate) return entry.fault;
    }
    return undefined;
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The page nginx-style proxies put in front of APIs answer with. */
export function htmlErrorPage(status: number): string {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  return `<!DOCTYPE html>\n<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`;
}

/** Cuts a JSON document so that it can no longer parse, keeping enough to look plausible. */
export function truncateJson(json: string): string {
  const cut = json.slice(0, Math.floor(json.length / 2));
  if (cut.length < 2) return '{"id":';
  try {
    JSON.parse(cut);
  } catch {
    return cut;
  }
  return '{"id":';
}
