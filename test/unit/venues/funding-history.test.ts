// Funding history parsers on the venues' documented shapes (and the real recordings where the
// shared folder has them): rates as 8-hour rates, oldest first, paging, and loud schema errors.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Instrument } from '../../../src/core/market';
import type { VenueId } from '../../../src/messages';
import { binance } from '../../../src/venues/binance';
import { bitget } from '../../../src/venues/bitget';
import { bybit } from '../../../src/venues/bybit';
import { createVenueClient, VenueError } from '../../../src/venues/client';
import { gate } from '../../../src/venues/gate';
import {
  FundingHistoryRows as HyperliquidRows,
  hyperliquid,
  listAnswerWeight,
} from '../../../src/venues/hyperliquid';
import { FundingHistoryRows as OkxRows, okx } from '../../../src/venues/okx';
import type { Venue } from '../../../src/venues/venue';
import { fakeFetch, type Route } from './fake-fetch';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const RANGE = { from: NOW - 30 * 24 * HOUR, to: NOW };
const REST = 'https://venue.test';

const instrument = (venue: VenueId, symbol: string, fundingIntervalHours = 8): Instrument => ({
  venue,
  symbol,
  coin: 'BTC',
  lotSize: 1,
  fundingIntervalHours,
});

function fetchWith(venue: Venue, routes: Record<string, Route>, market: Instrument) {
  const fake = fakeFetch(routes);
  const client = createVenueClient(venue.id, REST, fake.fetch);
  const fetchHistory = venue.fetchFundingHistory;
  if (!fetchHistory) throw new Error(`${venue.id} has no funding history`);
  return { result: fetchHistory(client, market, RANGE), calls: fake.calls };
}

const json = (body: unknown) => ({ body: JSON.stringify(body) });

describe('Binance /fapi/v1/fundingRate', () => {
  it('reads the documented rows, asks for the 30 days in one call and keeps 8h rates', async () => {
    const { result, calls } = fetchWith(
      binance,
      {
        '/fapi/v1/fundingRate': json([
          { symbol: 'BTCUSDT', fundingRate: '-0.03750000', fundingTime: NOW - 16 * HOUR },
          {
            symbol: 'BTCUSDT',
            fundingRate: '0.00010000',
            fundingTime: NOW - 8 * HOUR,
            markPrice: '34287.54619963',
          },
        ]),
      },
      instrument('binance', 'BTCUSDT'),
    );
    expect(await result).toEqual([
      { time: NOW - 16 * HOUR, rate8h: -0.0375 },
      { time: NOW - 8 * HOUR, rate8h: 0.0001 },
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.searchParams.get('symbol')).toBe('BTCUSDT');
    expect(calls[0]?.searchParams.get('startTime')).toBe(String(RANGE.from));
    expect(calls[0]?.searchParams.get('limit')).toBe('1000');
  });

  it('costs no request weight (it draws on its own pool)', () => {
    expect(binance.requestCost?.('/fapi/v1/fundingRate?symbol=BTCUSDT')).toBe(0);
  });

  it('names the field when the answer drifts', async () => {
    const { result } = fetchWith(
      binance,
      { '/fapi/v1/fundingRate': json([{ symbol: 'BTCUSDT', fundingRate: '0.0001', time: NOW }]) },
      instrument('binance', 'BTCUSDT'),
    );
    await expect(result).rejects.toThrow(VenueError);
    await expect(result).rejects.toThrow(/0\.fundingTime/);
  });
});

describe('Bybit /v5/market/funding/history', () => {
  it('pages back from endTime through newest-first lists and normalises 4h settlements', async () => {
    // 30 days of 4h settlements: 180 rows, fewer than a page of 200.
    const rows = Array.from({ length: 180 }, (_, i) => ({
      symbol: 'SOLUSDT',
      fundingRate: '0.00005',
      fundingRateTimestamp: String(NOW - i * 4 * HOUR),
    }));
    const { result, calls } = fetchWith(
      bybit,
      {
        '/v5/market/funding/history': json({
          retCode: 0,
          retMsg: 'OK',
          result: { category: 'linear', list: rows },
        }),
      },
      instrument('bybit', 'SOLUSDT', 4),
    );
    const settlements = await result;
    expect(settlements).toHaveLength(180);
    expect(settlements[0]?.time).toBe(NOW - 179 * 4 * HOUR);
    // 0.005% every 4 hours is 0.01% per 8 hours.
    expect(settlements.every((s) => Math.abs(s.rate8h - 0.0001) < 1e-15)).toBe(true);
    expect(calls).toHaveLength(1);
    // Bybit refuses startTime without endTime.
    expect(calls[0]?.searchParams.get('endTime')).toBe(String(NOW));
    expect(calls[0]?.searchParams.get('startTime')).toBe(String(RANGE.from));
  });

  it('asks for an older page when one comes back full', async () => {
    const page = (end: number) =>
      Array.from({ length: 200 }, (_, i) => ({
        symbol: 'HYPEUSDT',
        fundingRate: '0.0000125',
        fundingRateTimestamp: String(end - i * HOUR),
      })).filter((row) => Number(row.fundingRateTimestamp) >= RANGE.from);
    const { result, calls } = fetchWith(
      bybit,
      {
        '/v5/market/funding/history': (url) =>
          json({
            retCode: 0,
            retMsg: 'OK',
            result: {
              list: page(Math.floor(Number(url.searchParams.get('endTime')) / HOUR) * HOUR),
            },
          }),
      },
      instrument('bybit', 'HYPEUSDT', 1),
    );
    const settlements = await result;
    expect(calls.length).toBe(4);
    expect(settlements).toHaveLength(30 * 24 + 1);
    expect(settlements[1]?.rate8h).toBeCloseTo(0.0001, 12);
  });

  it('turns a refusal in the envelope into an API error', async () => {
    const { result } = fetchWith(
      bybit,
      {
        '/v5/market/funding/history': json({ retCode: 10001, retMsg: 'params error', result: {} }),
      },
      instrument('bybit', 'BTCUSDT'),
    );
    await expect(result).rejects.toThrow(/api-error: 10001 params error/);
  });
});

describe('Bitget /api/v2/mix/market/history-fund-rate', () => {
  it('reads the documented rows and asks for further pages until the range is covered', async () => {
    // The documentation's example rows, then a page of hourly rows reaching back past the range.
    const page = (pageNo: number) =>
      Array.from({ length: 100 }, (_, i) => ({
        symbol: 'BTCUSDT',
        fundingRate: '0.0005',
        fundingTime: String(NOW - ((pageNo - 1) * 100 + i) * 8 * HOUR),
      }));
    const { result, calls } = fetchWith(
      bitget,
      {
        '/api/v2/mix/market/history-fund-rate': (url) =>
          json({
            code: '00000',
            msg: 'success',
            requestTime: 1695796546319,
            data: page(Number(url.searchParams.get('pageNo'))),
          }),
      },
      instrument('bitget', 'BTCUSDT'),
    );
    const settlements = await result;
    // 100 settlements of 8 h reach back 33 days: one page covers the 30.
    expect(calls).toHaveLength(1);
    expect(calls[0]?.searchParams.get('productType')).toBe('USDT-FUTURES');
    expect(calls[0]?.searchParams.get('pageSize')).toBe('100');
    expect(settlements).toHaveLength(91);
    expect(settlements.every((s) => s.rate8h === 0.0005)).toBe(true);
  });

  it('turns a refusal in the envelope into an API error', async () => {
    const { result } = fetchWith(
      bitget,
      {
        '/api/v2/mix/market/history-fund-rate': json({
          code: '40034',
          msg: 'Parameter does not exist',
          data: null,
        }),
      },
      instrument('bitget', 'NOPEUSDT'),
    );
    await expect(result).rejects.toThrow(/40034/);
  });
});

describe('Gate /futures/usdt/funding_rate', () => {
  it('reads times in seconds and numbers sent either way, within the range, oldest first', async () => {
    const s = (ms: number) => Math.floor(ms / 1000);
    const { result, calls } = fetchWith(
      gate,
      {
        '/api/v4/futures/usdt/funding_rate': json([
          { t: s(NOW - 8 * HOUR), r: '0.000157' },
          { t: s(NOW - 16 * HOUR), r: -0.0001 },
          // Outside the range asked for: left out even if sent.
          { t: s(RANGE.from - 8 * HOUR), r: '0.5' },
        ]),
      },
      instrument('gate', 'BTC_USDT'),
    );
    expect(await result).toEqual([
      { time: s(NOW - 16 * HOUR) * 1000, rate8h: -0.0001 },
      { time: s(NOW - 8 * HOUR) * 1000, rate8h: 0.000157 },
    ]);
    expect(calls[0]?.searchParams.get('from')).toBe(String(s(RANGE.from)));
    expect(calls[0]?.searchParams.get('contract')).toBe('BTC_USDT');
  });

  it('rejects a row without its rate', async () => {
    const { result } = fetchWith(
      gate,
      { '/api/v4/futures/usdt/funding_rate': json([{ t: 1_700_000_000 }]) },
      instrument('gate', 'BTC_USDT'),
    );
    await expect(result).rejects.toThrow(/0\.r/);
  });
});

const REAL = (path: string) =>
  fileURLToPath(new URL(`../../../../shared/data/real/${path}`, import.meta.url));
const OKX_REAL = REAL('rest_samples/nautilus_okx_http_get_funding_rate_history.json');
const HL_REAL = REAL('hyperliquid/fundingHistory_BTC_all.json');

describe('OKX /api/v5/public/funding-rate-history', () => {
  it('reads the realised rate of each settlement and pages back with `after`', async () => {
    const row = (time: number) => ({
      instType: 'SWAP',
      instId: 'BTC-USDT-SWAP',
      fundingRate: '0.0001515032',
      realizedRate: '0.00015',
      fundingTime: String(time),
      method: 'current_period',
      formulaType: 'withRate',
    });
    const { result, calls } = fetchWith(
      okx,
      {
        '/api/v5/public/funding-rate-history': (url) => {
          const after = Number(url.searchParams.get('after'));
          const newest = Math.floor((after - 1) / (8 * HOUR)) * 8 * HOUR;
          return json({
            code: '0',
            msg: '',
            data: Array.from({ length: 100 }, (_, i) => row(newest - i * 8 * HOUR)),
          });
        },
      },
      instrument('okx', 'BTC-USDT-SWAP'),
    );
    const settlements = await result;
    // 100 rows reach back past the 30 days: one page, cut at the range's start.
    expect(calls).toHaveLength(1);
    expect(calls[0]?.searchParams.get('after')).toBe(String(NOW + 1));
    expect(settlements).toHaveLength(90);
    expect(settlements[0]?.time).toBeGreaterThanOrEqual(RANGE.from);
    expect(settlements.every((s) => s.rate8h === 0.00015)).toBe(true);
  });

  it.skipIf(!existsSync(OKX_REAL))('parses a recorded answer', () => {
    const body = JSON.parse(readFileSync(OKX_REAL, 'utf8'));
    const rows = OkxRows.parse(body.data);
    expect(rows.map((r) => [r.fundingTime, r.realizedRate])).toEqual([
      [1704067200000, 0.00015],
      [1704038400000, -0.00002],
    ]);
  });
});

describe('Hyperliquid fundingHistory', () => {
  /** A client whose answers are hourly rows from the asked start, 500 at most per page. */
  function hourlyRowsClient(onCharge?: (weight: number) => void) {
    const bodies: unknown[] = [];
    const client = createVenueClient(
      'hyperliquid',
      REST,
      async (_url, init) => {
        const body = JSON.parse(init?.body ?? '{}');
        bodies.push(body);
        const start = Math.ceil(body.startTime / HOUR) * HOUR;
        const rows = [];
        for (let time = start; time <= NOW && rows.length < 500; time += HOUR) {
          rows.push({ coin: 'BTC', fundingRate: '0.0000125', premium: '0.0002', time });
        }
        return new Response(JSON.stringify(rows), { status: 200 });
      },
      undefined,
      onCharge,
    );
    return { client, bodies };
  }

  it('posts the coin and range, reads hourly rates as 8h rates, and continues after the last row', async () => {
    const { client, bodies } = hourlyRowsClient();
    const settlements = await hyperliquid.fetchFundingHistory?.(
      client,
      instrument('hyperliquid', 'BTC', 1),
      RANGE,
    );
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toEqual({
      type: 'fundingHistory',
      coin: 'BTC',
      startTime: RANGE.from,
      endTime: NOW,
    });
    expect((bodies[1] as { startTime: number }).startTime).toBe(RANGE.from + 499 * HOUR + 1);
    expect(settlements).toHaveLength(30 * 24 + 1);
    expect(settlements?.[0]?.rate8h).toBeCloseTo(0.0001, 12);
  });

  it('charges each page one more weight per 20 rows it returned, beyond its request’s 20', async () => {
    const charged: number[] = [];
    const { client } = hourlyRowsClient((weight) => charged.push(weight));
    await hyperliquid.fetchFundingHistory?.(client, instrument('hyperliquid', 'BTC', 1), RANGE);
    // 721 hourly rows: a full page of 500 (25 × 20) and one of 221 (11 × 20 and one started 20).
    expect(charged).toEqual([25, 12]);
    // Before its answer, a page weighs what every info request weighs.
    expect(hyperliquid.requestCost?.('/info')).toBe(20);
  });

  it('charges nothing extra for an empty answer', async () => {
    expect(listAnswerWeight(0)).toBe(0);
    expect(listAnswerWeight(1)).toBe(1);
    expect(listAnswerWeight(20)).toBe(1);
    expect(listAnswerWeight(21)).toBe(2);
  });

  it.skipIf(!existsSync(HL_REAL))('parses the recorded BTC history (1,038 rows)', () => {
    const { response } = JSON.parse(readFileSync(HL_REAL, 'utf8'));
    const rows = HyperliquidRows.parse(response);
    expect(rows).toHaveLength(1038);
    expect(rows[0]).toEqual({ coin: 'BTC', fundingRate: -0.00061334, time: 1683849600048 });
  });
});
