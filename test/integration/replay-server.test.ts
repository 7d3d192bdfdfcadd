// The replay server itself: it must speak Bybit's protocol and misbehave exactly as asked, or
// the tests built on it prove nothing.
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { useReplayServer } from './replay-fixture';

const replay = useReplayServer('calm');

const tickers = () => fetch(`${replay().origin}/bybit/v5/market/tickers?category=linear`);

describe('REST faults', () => {
  it('answers with a status and Retry-After, a given number of times', async () => {
    replay().setRestFault('bybit', '/v5/market/tickers', { status: 429, retryAfter: 30, times: 2 });
    const first = await tickers();
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '30']);
    expect((await tickers()).status).toBe(429);
    expect((await tickers()).status).toBe(200);
  });

  it('delays, corrupts and drifts bodies', async () => {
    replay().setRestFault('bybit', '/v5/market/tickers', { delayMs: 300, times: 1 });
    const started = Date.now();
    await tickers();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);

    replay().setRestFault('bybit', '/v5/market/tickers', { body: 'malformed', times: 1 });
    await expect((await tickers()).json()).rejects.toThrow(SyntaxError);

    replay().setRestFault('bybit', '/v5/market/tickers', { body: 'drift', times: 1 });
    const drifted = await (await tickers()).json();
    expect(drifted.result.list[0]).not.toHaveProperty('singleOpenInterestValue');
    expect(typeof drifted.result.list[0].lastPrice).toBe('number');
  });

  it('logs every venue request and 404s unknown routes', async () => {
    expect((await fetch(`${replay().origin}/bybit/v5/market/nothing`)).status).toBe(404);
    await tickers();
    expect(replay().requests.map((request) => [request.path, request.status])).toEqual([
      ['/v5/market/nothing', 404],
      ['/v5/market/tickers', 200],
    ]);
  });
});

function connect(): Promise<{ socket: WebSocket; frames: unknown[]; closed: Promise<number> }> {
  const socket = new WebSocket(`${replay().origin.replace('http', 'ws')}/bybit/v5/public/linear`);
  const frames: unknown[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, frames, closed }));
    socket.once('error', reject);
  });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('the Bybit socket', () => {
  it('answers pings and subscriptions the way Bybit does', async () => {
    const { socket, frames } = await connect();
    socket.send(JSON.stringify({ op: 'ping' }));
    socket.send(JSON.stringify({ op: 'subscribe', req_id: 'a', args: ['allLiquidation.BTCUSDT'] }));
    await until(() => frames.length === 2);
    expect(frames).toEqual([
      expect.objectContaining({ success: true, ret_msg: 'pong', op: 'ping' }),
      expect.objectContaining({ success: true, op: 'subscribe', req_id: 'a' }),
    ]);
    socket.close();
  });

  it('pushes scripted liquidations with Bybit’s position side (Buy = a long liquidated)', async () => {
    const { socket, frames } = await connect();
    socket.send(JSON.stringify({ op: 'subscribe', args: ['allLiquidation.1000PEPEUSDT'] }));
    await until(() => frames.length === 1);
    replay().setScenario({
      ...replay().scenario,
      liquidations: [
        {
          atSeconds: 0,
          coin: 'PEPE',
          venue: 'bybit',
          side: 'long',
          coins: 5_000_000,
          price: 0.00001,
        },
      ],
    });
    await until(() => frames.length === 2);
    expect(frames[1]).toMatchObject({
      topic: 'allLiquidation.1000PEPEUSDT',
      data: [{ s: '1000PEPEUSDT', S: 'Buy', v: '5000', p: '0.01' }],
    });
    socket.close();
  });

  it('refuses, drops after N frames, and bursts on demand', async () => {
    replay().setSocketFault('bybit', '/v5/public/linear', { refuse: true });
    await expect(connect()).rejects.toThrow(/503/);

    replay().setSocketFault('bybit', '/v5/public/linear', { dropAfter: 2 });
    const dropped = await connect();
    for (let i = 0; i < 3; i++) dropped.socket.send(JSON.stringify({ op: 'ping' }));
    expect(await dropped.closed).toBe(1006);
    expect(dropped.frames).toHaveLength(2);

    replay().setSocketFault('bybit', '/v5/public/linear', { burst: 2000 });
    const burst = await connect();
    burst.socket.send(JSON.stringify({ op: 'subscribe', args: ['allLiquidation.BTCUSDT'] }));
    await until(() => burst.frames.length === 2001);
    expect(burst.frames).toHaveLength(2001);
    expect(burst.frames[1]).toMatchObject({ topic: expect.stringMatching(/^allLiquidation\./) });
    burst.socket.close();
  });
});
