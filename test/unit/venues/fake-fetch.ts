import type { FetchLike } from '../../../src/venues/client';

export type Reply = { body: string; status?: number; headers?: Record<string, string> };
export type Route = Reply | ((url: URL) => Reply);

/** A fetch that answers by path (without query) and records every URL it was asked for. */
export function fakeFetch(routes: Record<string, Route>) {
  const calls: URL[] = [];
  const fetch: FetchLike = async (url) => {
    const parsed = new URL(url);
    calls.push(parsed);
    const route = routes[parsed.pathname];
    if (!route) return new Response('not found', { status: 404 });
    const reply = typeof route === 'function' ? route(parsed) : route;
    return new Response(reply.body, {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };
  return { fetch, calls };
}
