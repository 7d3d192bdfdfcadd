// The one way venue code reaches the network: resolves the venue's base URL (or the replay
// server's, see LL_VENUE_ORIGIN in DESIGN.md), parses JSON, validates with zod, and turns every
// failure into a PollOutcome that the status logic understands.
import type { ZodType } from 'zod';
import type { PollOutcome } from '../core/venue-status';
import type { VenueId } from '../messages';

export class VenueError extends Error {
  constructor(readonly outcome: Exclude<PollOutcome, { kind: 'ok' }>) {
    super(`${outcome.kind}${'detail' in outcome ? `: ${outcome.detail}` : ''}`);
  }
}

export interface VenueHosts {
  rest: string;
  ws: string;
}

export type FetchLike = (
  url: string,
  init?: { method?: string; body?: string; headers?: Record<string, string>; signal?: AbortSignal },
) => Promise<Response>;

export interface VenueClient {
  venue: VenueId;
  getJson<T>(path: string, schema: ZodType<T>): Promise<T>;
  /** For venues whose public API takes a JSON body (Hyperliquid's POST /info). */
  postJson<T>(path: string, body: unknown, schema: ZodType<T>): Promise<T>;
  /**
   * Counts weight an answer costs beyond its request's, which only the answer tells (Hyperliquid
   * charges its list answers per 20 items), against the venue's rate limit.
   */
  charge(cost: number): void;
}

/** What the politeness accounting sees of every answer: usage headers live here. */
export interface ResponseInfo {
  venue: VenueId;
  path: string;
  status: number;
  headers: Headers;
}

/** Base URLs for a venue: its own hosts, or `${origin}/${venue}` on the replay server. */
export function resolveHosts(venue: VenueId, hosts: VenueHosts, origin: string): VenueHosts {
  if (!origin) return hosts;
  const base = `${origin.replace(/\/$/, '')}/${venue}`;
  return { rest: base, ws: base.replace(/^http/, 'ws') };
}

const REQUEST_TIMEOUT_MS = 15_000;

export interface Envelope {
  /** Whether the venue's own status field says the call succeeded. */
  ok: boolean;
  /** The venue's code and message, for the status line when it did not. */
  error: string;
  /** Where the payload sits in the answer (`result`, `data`), for error paths. */
  field: string;
  payload: unknown;
}

/** The payload of an answer the venue wraps in a status envelope, checked by `schema`. */
export function openEnvelope<T>({ ok, error, field, payload }: Envelope, schema: ZodType<T>): T {
  if (!ok) throw new VenueError({ kind: 'api-error', detail: error });
  const parsed = schema.safeParse(payload);
  if (!parsed.success)
    throw new VenueError({ kind: 'schema', detail: describeIssue(parsed.error, [field]) });
  return parsed.data;
}

function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** The first problem zod found, as `path.to.field: message`, for a venue's status line. */
export function describeIssue(
  error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> },
  prefix: PropertyKey[] = [],
): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = [...prefix, ...issue.path].map(String).join('.');
  return `${path || '(root)'}: ${issue.message}`;
}

export function createVenueClient(
  venue: VenueId,
  restBase: string,
  fetchImpl: FetchLike,
  onResponse?: (info: ResponseInfo) => void,
  onCharge?: (cost: number) => void,
): VenueClient {
  async function request<T>(
    path: string,
    init: Parameters<FetchLike>[1],
    schema: ZodType<T>,
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${restBase}${path}`, {
        ...init,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new VenueError({ kind: 'network', detail: (error as Error).message });
    }
    onResponse?.({ venue, path, status: response.status, headers: response.headers });
    if (!response.ok) {
      throw new VenueError({
        kind: 'http',
        status: response.status,
        retryAfterSeconds: retryAfterSeconds(response),
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch (error) {
      throw new VenueError({ kind: 'malformed', detail: (error as Error).message });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new VenueError({ kind: 'schema', detail: describeIssue(parsed.error) });
    return parsed.data;
  }
  return {
    venue,
    getJson: (path, schema) => request(path, {}, schema),
    postJson: (path, body, schema) =>
      request(
        path,
        {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        },
        schema,
      ),
    charge: (cost) => {
      if (cost > 0) onCharge?.(cost);
    },
  };
}
