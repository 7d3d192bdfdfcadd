// Hyperliquid's venue code against the replay server over real HTTP: POST /info answered by the
// body's type, numbers checked against the scenario by hand.
import { describe, expect, it } from 'vitest';
import type { MarketRow } from '../../../src/core/market';
import { createVenueClient, resolveHosts, VenueError } from '../../../src/venues/client';
import { hyperliquid } from '../../../src/venues/hyperliquid';
import { useReplayServer } from '../replay-fixture';

const replay = useReplayServer('venue-hyperliquid');
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

function client() {
  const { rest } = resolveHosts('hyperliquid', hyperliquid.hosts, replay().origin);
  return createVenueClient('hyperliquid', rest, (url, init) => fetch(url, init));
}

async function snapshot() {
  const venueClient = client();
  const instruments = await hyperliquid.fetchInstruments(venueClient);
  const rows = await hyperliquid.fetchSnapshot(venueClient, instruments, {
    now: NOW,
    previous: [],
  });
  return new Map<string, MarketRow>(rows.map((row) => [row.coin, row]));
}

async function venueError(run: () => Promise<unknown>): Promise<VenueError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(VenueError);
    return error as VenueError;
  }
  throw new Error('expected a VenueError, but the call succeeded');
}

describe('Hyperliquid over the replay server', () => {
  it('lists the scenario coins, kPEPE as lots of 1000, and not the delisted MATIC', async () => {
    const instruments = await hyperliquid.fetchInstruments(client());
    expect(instruments.map((i) => i.symbol)).toEqual(['BTC', 'ETH', 'SOL', 'kPEPE', 'HYPE']);
    expect(instruments.find((i) => i.symbol === 'kPEPE')).toMatchObject({
      coin: 'PEPE',
      lotSize: 1000,
      fundingIntervalHours: 1,
    });
  });

  it('maps BTC: 12,000 coins at $65,000, -1.2% over 24h, 0.01% per 8h paid hourly', async () => {
    const btc = (await snapshot()).get('BTC');
    expect(btc).toMatchObject({ venue: 'hyperliquid', symbol: 'BTC', priceUsd: 65_000 });
    expect(btc?.oiCoins).toBe(12_000);
    expect(btc?.oiUsd).toBe(780_000_000);
    expect(btc?.change24hPct).toBeCloseTo(-1.2, 6);
    expect(btc?.fundingRate8h).toBeCloseTo(0.0001, 12);
    expect(btc?.oiAt).toBe(NOW);
  });

  it('maps PEPE from kPEPE: 4e12 coins, $40M, price per coin', async () => {
    const pepe = (await snapshot()).get('PEPE');
    expect(pepe?.symbol).toBe('kPEPE');
    expect(pepe?.oiCoins).toBe(4_000_000_000_000);
    expect(pepe?.oiUsd).toBeCloseTo(40_000_000, 4);
    expect(pepe?.priceUsd).toBeCloseTo(0.00001, 15);
    // prevDayPx is sent to 8 decimals (0.01022495), so the change is -2.2% to 4 places
    expect(pepe?.change24hPct).toBeCloseTo(-2.2, 4);
    expect(pepe?.fundingRate8h).toBeCloseTo(-0.0001, 12);
  });

  it("maps HYPE's own hourly rate (0.002%) to 0.016% per 8h, and sums the market", async () => {
    const rows = await snapshot();
    expect(rows.get('HYPE')?.fundingRate8h).toBeCloseTo(0.00016, 12);
    expect(rows.get('HYPE')?.oiUsd).toBe(1_000_000_000);
    const total = [...rows.values()].reduce((sum, row) => sum + (row.oiUsd ?? 0), 0);
    // 780M BTC + 960M ETH + 300M SOL + 40M PEPE + 1,000M HYPE
    expect(total).toBeCloseTo(3_080_000_000, 0);
  });

  it('costs one POST /info per snapshot, as its weight of 20 says', async () => {
    const venueClient = client();
    const instruments = await hyperliquid.fetchInstruments(venueClient);
    replay().reset();
    await hyperliquid.fetchSnapshot(venueClient, instruments, { now: NOW, previous: [] });
    expect(replay().requests.map((request) => [request.venue, request.path])).toEqual([
      ['hyperliquid', '/info'],
    ]);
  });

  it('turns drift, corruption and 429 into VenueError outcomes', async () => {
    const venueClient = client();
    const instruments = await hyperliquid.fetchInstruments(venueClient);
    const poll = () =>
      hyperliquid.fetchSnapshot(venueClient, instruments, { now: NOW, previous: [] });

    replay().setRestFault('hyperliquid', '/info', { body: 'drift', times: 1 });
    const drifted = await venueError(poll);
    expect(drifted.outcome).toMatchObject({ kind: 'schema' });
    expect('detail' in drifted.outcome && drifted.outcome.detail).toMatch(/openInterest/);

    replay().setRestFault('hyperliquid', '/info', { body: 'malformed', times: 1 });
    expect((await venueError(poll)).outcome.kind).toBe('malformed');

    replay().setRestFault('hyperliquid', '/info', { status: 429, retryAfter: 60, times: 1 });
    expect((await venueError(poll)).outcome).toEqual({
      kind: 'http',
      status: 429,
      retryAfterSeconds: 60,
    });

    expect((await poll()).length).toBe(5);
  });

  it('drift in meta breaks the instrument list too', async () => {
    replay().setRestFault('hyperliquid', '/info', { body: 'drift', times: 1 });
    const error = await venueError(() => hyperliquid.fetchInstruments(client()));
    expect(error.outcome).toMatchObject({ kind: 'schema' });
  });
});
