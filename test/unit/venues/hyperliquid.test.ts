import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Instrument, MarketRow } from '../../../src/core/market';
import { createVenueClient, type FetchLike, VenueError } from '../../../src/venues/client';
import {
  AssetCtx,
  hyperliquid,
  instrumentFromUniverse,
  Meta,
  MetaAndAssetCtxs,
  rowFromAssetCtx,
} from '../../../src/venues/hyperliquid';

const NOW = Date.UTC(2026, 7, 9, 12, 0, 0);

// ---- helpers --------------------------------------------------------------------------------

const REST = 'https://api.hyperliquid.xyz';

const fixtureText = (name: string) =>
  readFileSync(new URL(`../../fixtures/hyperliquid/${name}`, import.meta.url), 'utf8');

const META = fixtureText('meta.json');
const META_AND_CTXS = fixtureText('metaAndAssetCtxs.json');

type Reply = { body: string; status?: number; headers?: Record<string, string> };

interface Call {
  url: URL;
  method: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

/** A fetch that answers `POST /info` by the body's `type` and records every request. */
function fakeFetch(byType: Record<string, Reply>) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const body = init?.body === undefined ? undefined : JSON.parse(init.body);
    calls.push({
      url: new URL(url),
      method: init?.method,
      contentType: init?.headers?.['content-type'],
      body,
    });
    const reply = byType[(body as { type?: string } | undefined)?.type ?? ''];
    if (!reply) return new Response('Failed to deserialize the JSON body', { status: 422 });
    return new Response(reply.body, {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };
  return { fetch, calls };
}

function clientFor(byType: Record<string, Reply>) {
  const fake = fakeFetch(byType);
  return { client: createVenueClient('hyperliquid', REST, fake.fetch), calls: fake.calls };
}

const standardClient = () =>
  clientFor({ meta: { body: META }, metaAndAssetCtxs: { body: META_AND_CTXS } });

/** Runs `run` and returns the VenueError it must throw. */
async function venueError(run: () => Promise<unknown>): Promise<VenueError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(VenueError);
    return error as VenueError;
  }
  throw new Error('expected a VenueError, but the call succeeded');
}

const instrument = (over: Partial<Instrument> = {}): Instrument => ({
  venue: 'hyperliquid',
  symbol: 'BTC',
  coin: 'BTC',
  lotSize: 1,
  fundingIntervalHours: 1,
  ...over,
});

const bySymbol = (rows: MarketRow[]) => new Map(rows.map((row) => [row.symbol, row]));
const detailOf = (error: VenueError) => ('detail' in error.outcome ? error.outcome.detail : '');

// ---- instrument metadata --------------------------------------------------------------------

describe('instrumentFromUniverse', () => {
  const [item, isolated] = Meta.parse({
    universe: [
      { name: 'kPEPE', szDecimals: 0, maxLeverage: 10 },
      { name: 'STRK', szDecimals: 1, maxLeverage: 5, onlyIsolated: true },
    ],
  }).universe;
  if (!item || !isolated) throw new Error('the universe did not parse');

  it('maps a k-coin to the coin and its lot of 1000, funding every hour', () => {
    expect(instrumentFromUniverse(item)).toEqual({
      venue: 'hyperliquid',
      symbol: 'kPEPE',
      coin: 'PEPE',
      lotSize: 1000,
      fundingIntervalHours: 1,
    });
  });

  it('excludes a delisted coin, which stays in the universe', () => {
    expect(instrumentFromUniverse({ ...item, isDelisted: true })).toBeNull();
  });

  it('keeps an isolated-only coin: its open interest is real', () => {
    expect(instrumentFromUniverse(isolated)?.coin).toBe('STRK');
  });
});

describe('hyperliquid.fetchInstruments', () => {
  it('POSTs {"type":"meta"} as JSON to /info and keeps every listed coin', async () => {
    const { client, calls } = standardClient();
    const instruments = await hyperliquid.fetchInstruments(client);
    expect(instruments.map((i) => i.symbol)).toEqual(['BTC', 'ETH', 'kPEPE', 'HYPE', 'STRK']);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: 'POST',
      contentType: 'application/json',
      body: { type: 'meta' },
    });
    expect(calls[0]?.url.href).toBe(`${REST}/info`);
  });
});

// ---- asset contexts -------------------------------------------------------------------------

// The numbers the user sees: coins × lot, USD from the mark price, hourly funding × 8, the 24h
// change from prevDayPx.
describe('rowFromAssetCtx', () => {
  const ctx = AssetCtx.parse({
    funding: '0.0000125',
    openInterest: '30000.0',
    prevDayPx: '64000.0',
    markPx: '65000.0',
  });

  it('values open interest at the mark price', () => {
    const row = rowFromAssetCtx(ctx, instrument(), NOW);
    expect(row).toMatchObject({ priceUsd: 65_000, oiCoins: 30_000, oiUsd: 1_950_000_000 });
    expect(row.oiAt).toBe(NOW);
  });

  it('turns the hourly rate into an 8h rate eight times larger', () => {
    expect(rowFromAssetCtx(ctx, instrument(), NOW).fundingRate8h).toBeCloseTo(0.0001, 15);
  });

  it('computes the 24h change from prevDayPx', () => {
    expect(rowFromAssetCtx(ctx, instrument(), NOW).change24hPct).toBeCloseTo(1.5625, 10);
  });

  it('has no 24h change for a coin without a previous day price (listed today)', () => {
    const fresh = { ...ctx, prevDayPx: 0 };
    expect(rowFromAssetCtx(fresh, instrument(), NOW).change24hPct).toBeNull();
  });
});

describe('hyperliquid.fetchSnapshot on our fixture', () => {
  async function snapshot() {
    const { client, calls } = standardClient();
    const instruments = await hyperliquid.fetchInstruments(client);
    return {
      rows: await hyperliquid.fetchSnapshot(client, instruments, { now: NOW, previous: [] }),
      calls,
    };
  }

  it('asks for metaAndAssetCtxs once, without a dex (main perpetuals only)', async () => {
    const { calls } = await snapshot();
    expect(calls.map((call) => call.body)).toEqual([
      { type: 'meta' },
      { type: 'metaAndAssetCtxs' },
    ]);
  });

  it('returns a row per tracked coin; the delisted MATIC and its null prices are skipped', async () => {
    const { rows } = await snapshot();
    expect(rows.map((row) => row.symbol)).toEqual(['BTC', 'ETH', 'kPEPE', 'HYPE', 'STRK']);
    expect(rows.every((row) => row.venue === 'hyperliquid')).toBe(true);
  });

  it('maps ETH: negative hourly funding, a fall from prevDayPx', async () => {
    const eth = bySymbol((await snapshot()).rows).get('ETH');
    expect(eth?.oiUsd).toBe(500_000.5 * 3200);
    expect(eth?.oiCoins).toBe(500_000.5);
    expect(eth?.fundingRate8h).toBeCloseTo(-0.0004, 15);
    expect(eth?.change24hPct).toBeCloseTo((3200 / 3250 - 1) * 100, 10);
  });

  it('maps kPEPE to PEPE: coins = lots × 1000, price per coin, USD unchanged', async () => {
    const pepe = bySymbol((await snapshot()).rows).get('kPEPE');
    expect(pepe?.coin).toBe('PEPE');
    expect(pepe?.oiCoins).toBe(2_000_000_000_000);
    expect(pepe?.oiUsd).toBeCloseTo(22_000_000, 6);
    expect(pepe?.priceUsd).toBeCloseTo(0.000011, 15);
    expect(pepe?.change24hPct).toBeCloseTo(10, 10);
    expect(pepe?.fundingRate8h).toBeCloseTo(0.00016, 15);
  });

  it('joins contexts to coins by position in the same answer, not by instrument order', async () => {
    const [meta, ctxs] = JSON.parse(META_AND_CTXS);
    const swapped = JSON.stringify([
      { ...meta, universe: [...meta.universe].reverse() },
      [...ctxs].reverse(),
    ]);
    const { client } = clientFor({ meta: { body: META }, metaAndAssetCtxs: { body: swapped } });
    const instruments = await hyperliquid.fetchInstruments(client);
    const rows = await hyperliquid.fetchSnapshot(client, instruments, { now: NOW, previous: [] });
    expect(bySymbol(rows).get('BTC')?.oiUsd).toBe(1_950_000_000);
    expect(bySymbol(rows).get('kPEPE')?.oiCoins).toBe(2_000_000_000_000);
  });

  it('costs 20 weight of the 1200 per minute', () => {
    expect(hyperliquid.snapshotCost([])).toBe(20);
    expect(hyperliquid.requestCost?.('/info')).toBe(20);
    expect(hyperliquid.rateLimit).toMatchObject({ budget: 1200, windowMs: 60_000, unit: 'weight' });
  });

  it('offers neither OI history nor a liquidation feed: Hyperliquid publishes neither', () => {
    expect(hyperliquid.fetchOiHistory).toBeUndefined();
    expect(hyperliquid.liquidations).toBeUndefined();
    expect(hyperliquid.oiOneSidedVerified).toBe(false);
  });
});

// Every failure must become an outcome the status logic understands (see venue-status.ts).
describe('hyperliquid failures become VenueError outcomes', () => {
  const tracked = [instrument(), instrument({ symbol: 'kPEPE', coin: 'PEPE', lotSize: 1000 })];
  const snapshotWith = (reply: Reply) =>
    hyperliquid.fetchSnapshot(clientFor({ metaAndAssetCtxs: reply }).client, tracked, {
      now: NOW,
      previous: [],
    });

  it('a tracked context without markPx is a schema error naming path and coin', async () => {
    const doc = JSON.parse(META_AND_CTXS);
    delete doc[1][3].markPx;
    const error = await venueError(() => snapshotWith({ body: JSON.stringify(doc) }));
    expect(error.outcome.kind).toBe('schema');
    expect(detailOf(error)).toMatch(/^1\.3\.markPx: /);
    expect(detailOf(error)).toContain('(kPEPE)');
  });

  it('an untracked context with broken fields does not fail the snapshot', async () => {
    const doc = JSON.parse(META_AND_CTXS);
    doc[1][1].openInterest = 'n/a'; // ETH, not in `tracked`
    const rows = await snapshotWith({ body: JSON.stringify(doc) });
    expect(rows.map((row) => row.symbol)).toEqual(['BTC', 'kPEPE']);
  });

  it('contexts that do not match the universe one for one are a schema error', async () => {
    const doc = JSON.parse(META_AND_CTXS);
    doc[1].pop();
    const error = await venueError(() => snapshotWith({ body: JSON.stringify(doc) }));
    expect(error.outcome).toEqual({ kind: 'schema', detail: '1: 5 asset contexts for 6 coins' });
  });

  it('an answer that is not the [meta, contexts] pair is a schema error', async () => {
    const error = await venueError(() => snapshotWith({ body: META }));
    expect(error.outcome.kind).toBe('schema');
  });

  it('malformed JSON is malformed', async () => {
    const error = await venueError(() => snapshotWith({ body: META_AND_CTXS.slice(0, 300) }));
    expect(error.outcome.kind).toBe('malformed');
  });

  it('HTTP 429 with Retry-After: 60 is an http outcome with the wait', async () => {
    const error = await venueError(() =>
      snapshotWith({ body: '', status: 429, headers: { 'Retry-After': '60' } }),
    );
    expect(error.outcome).toEqual({ kind: 'http', status: 429, retryAfterSeconds: 60 });
  });

  it('HTTP 422 (a body Hyperliquid cannot read) is an http outcome', async () => {
    const { client } = clientFor({});
    const error = await venueError(() => hyperliquid.fetchInstruments(client));
    expect(error.outcome).toEqual({ kind: 'http', status: 422, retryAfterSeconds: null });
  });

  it('a fetch that rejects is a network outcome', async () => {
    const client = createVenueClient('hyperliquid', REST, async () => {
      throw new TypeError('fetch failed');
    });
    const error = await venueError(() => hyperliquid.fetchInstruments(client));
    expect(error.outcome).toEqual({ kind: 'network', detail: 'fetch failed' });
  });
});

// ---- real recorded payloads -----------------------------------------------------------------

const REAL = fileURLToPath(new URL('../../../../shared/data/real/', import.meta.url));
const realPath = (name: string) => `${REAL}${name}`;
const readReal = (name: string): unknown => JSON.parse(readFileSync(realPath(name), 'utf8'));
const relDiff = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

const META_2023 = realPath('hyperliquid/meta_2023-07-17.json');

describe.skipIf(!existsSync(META_2023))('Hyperliquid meta of 2023-07-17 (real recording)', () => {
  const recorded = () => readReal('hyperliquid/meta_2023-07-17.json') as { response: unknown };

  it('parses with our schema and lists 28 coins, none delisted', () => {
    const { universe } = Meta.parse(recorded().response);
    expect(universe).toHaveLength(28);
    const instruments = universe.map(instrumentFromUniverse);
    expect(instruments.every((i) => i !== null)).toBe(true);
  });

  it('reads kPEPE as lots of 1000 PEPE, and BTC as BTC', () => {
    const { universe } = Meta.parse(recorded().response);
    const byName = new Map(universe.map((item) => [item.name, instrumentFromUniverse(item)]));
    expect(byName.get('kPEPE')).toMatchObject({ coin: 'PEPE', lotSize: 1000 });
    expect(byName.get('BTC')).toMatchObject({ coin: 'BTC', lotSize: 1 });
  });
});

const ALL_DEXS = realPath('hyperliquid/ws_allDexsAssetCtxs_nautilus.json');

describe.skipIf(!existsSync(ALL_DEXS))(
  'Hyperliquid allDexsAssetCtxs frame (real recording)',
  () => {
    type Frame = { data: { ctxs: Array<[string, unknown[]]> } };
    const frame = () => readReal('hyperliquid/ws_allDexsAssetCtxs_nautilus.json') as Frame;
    const mainDex = () => frame().data.ctxs.find(([dex]) => dex === '')?.[1] ?? [];

    it('every context of the main dex and of the 8 HIP-3 dexes parses with our schema', () => {
      const dexes = frame().data.ctxs;
      expect(dexes).toHaveLength(9);
      for (const [dex, ctxs] of dexes) {
        for (const [index, ctx] of ctxs.entries()) {
          const parsed = AssetCtx.safeParse(ctx);
          if (!parsed.success) throw new Error(`${dex || 'main'} ${index}: ${parsed.error}`);
        }
      }
      expect(mainDex()).toHaveLength(230);
    });

    it('the whole main dex parses as the contexts half of metaAndAssetCtxs', () => {
      const universe = mainDex().map((_, index) => ({
        name: `COIN${index}`,
        szDecimals: 0,
        maxLeverage: 3,
      }));
      expect(MetaAndAssetCtxs.safeParse([{ universe }, mainDex()]).success).toBe(true);
    });

    it('BTC (the first context) maps to numbers computed from its raw strings', () => {
      const raw = mainDex()[0] as Record<string, string>;
      const row = rowFromAssetCtx(AssetCtx.parse(raw), instrument(), NOW);
      expect(row.oiUsd).toBeCloseTo(27_353.17682 * 77_562, 3);
      expect(row.priceUsd).toBe(77_562);
      expect(row.change24hPct).toBeCloseTo((77_562 / 76_317 - 1) * 100, 10);
      expect(row.fundingRate8h).toBeCloseTo(-0.0000015186 * 8, 15);
      // mark and mid agree: the mark is the price of one coin
      expect(relDiff(Number(raw.midPx), row.priceUsd)).toBeLessThan(0.001);
    });

    // Funding is hourly: most coins sit at 0.0000125, which is the 0.01% per 8 hours interest
    // floor paid in eight hourly parts. As an 8h rate it becomes exactly 0.0001.
    it('most main-dex coins pay 0.0000125 an hour, which is 0.01% per 8 hours', () => {
      const rates = mainDex().map((ctx) => AssetCtx.parse(ctx).funding);
      const floor = rates.filter((rate) => rate === 0.0000125).length;
      expect(floor).toBeGreaterThan(rates.length / 2);
      const row = rowFromAssetCtx(AssetCtx.parse(mainDex()[1]), instrument(), NOW);
      expect(row.fundingRate8h).toBeCloseTo(0.0001, 15);
    });
  },
);

const TARDIS = realPath('ws_messages/tardis_node_test_messages.json');

describe.skipIf(!existsSync(TARDIS))('Hyperliquid activeAssetCtx message (tardis-node)', () => {
  it('its ctx has the shape of a metaAndAssetCtxs context and maps by hand', () => {
    const messages = (
      readReal('ws_messages/tardis_node_test_messages.json') as {
        hyperliquid: Array<{ channel: string; data: { coin: string; ctx: unknown } }>;
      }
    ).hyperliquid;
    const active = messages.find((message) => message.channel === 'activeAssetCtx');
    if (!active) throw new Error('no activeAssetCtx message');
    expect(active.data.coin).toBe('MOODENG');
    const row = rowFromAssetCtx(
      AssetCtx.parse(active.data.ctx),
      instrument({ symbol: 'MOODENG', coin: 'MOODENG' }),
      NOW,
    );
    expect(row.oiUsd).toBeCloseTo(18_617_460 * 0.19963, 4);
    expect(row.fundingRate8h).toBeCloseTo(0.00004863 * 8, 15);
    expect(row.change24hPct).toBeCloseTo((0.19963 / 0.20296 - 1) * 100, 10);
  });
});

const FUNDING_BTC = realPath('hyperliquid/fundingHistory_BTC_all.json');
const FUNDING_SAMPLE = realPath('rest_samples/nautilus_hyperliquid_http_funding_history.json');

describe.skipIf(!existsSync(FUNDING_BTC) || !existsSync(FUNDING_SAMPLE))(
  'Hyperliquid fundingHistory (real recordings): settlements are hourly',
  () => {
    type Row = { coin: string; fundingRate: string; time: number };
    const HOUR = 3_600_000;
    const gapsInHours = (rows: Row[]) =>
      rows.slice(1).map((row, index) => (row.time - (rows[index]?.time ?? 0)) / HOUR);

    it('BTC 2023: 8-hourly until 2023-06-08, hourly from then to the end of the recording', () => {
      const rows = (readReal('hyperliquid/fundingHistory_BTC_all.json') as { response: Row[] })
        .response;
      expect(rows).toHaveLength(1038);
      const gaps = gapsInHours(rows).map(Math.round);
      const switchIndex = gaps.indexOf(1);
      expect(new Date(rows[switchIndex]?.time ?? 0).toISOString()).toMatch(/^2023-06-08T00:00/);
      expect(gaps.slice(0, switchIndex).every((gap) => gap === 8)).toBe(true);
      // After the switch, 956 settlements one hour apart but one (a single missed hour).
      const hourly = gaps.slice(switchIndex);
      expect(hourly).toHaveLength(956);
      expect(hourly.filter((gap) => gap !== 1)).toEqual([2]);
      // and the most common hourly rate is the 0.01%-per-8h floor, paid hourly
      const floor = rows.slice(switchIndex).filter((row) => row.fundingRate === '0.0000125');
      expect(floor.length).toBeGreaterThan(100);
    });

    it('BTC 2026 sample: three settlements one hour apart', () => {
      const rows = readReal('rest_samples/nautilus_hyperliquid_http_funding_history.json') as Row[];
      expect(gapsInHours(rows)).toEqual([1, 1]);
      expect(rows.every((row) => row.coin === 'BTC')).toBe(true);
    });
  },
);
