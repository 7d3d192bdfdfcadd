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

export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

export interface VenueClient {
  venue: VenueId;
  getJson<T>(path: string, schema: ZodType<T>): Promise<T>;
}

/** Base URLs for a venue: its own hosts, or `${origin}/${venue}` on the replay server. */
export function resolveHosts(venue: VenueId, hosts: VenueHosts, origin: string): VenueHosts {
  if (!origin) return hosts;
  const base = `${origin.replace(/\/$/, '')}/${venue}`;
  return { rest: base, ws: base.replace(/^http/, 'ws') };
}

const REQUEST_TIMEOUT_MS = 15_000;

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
): VenueClient {
  return {
    venue,
    async getJson(path, schema) {
      let response: Response;
      try {
        response = await fetchImpl(`${restBase}${path}`, {
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        throw new VenueError({ kind: 'network', detail: (error as Error).message });
      }
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
    },
  };
}
