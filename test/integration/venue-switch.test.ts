// Switching a venue off in the settings: the background stops asking it, leaves it out of every
// figure, and its status says it is off; switching it back on brings it back.
import { describe, expect, it } from 'vitest';
import { POLL_INTERVAL_MS } from '../../src/core/venue-status';
import type {
  CoinsAnswer,
  ContextsAnswer,
  ErrorAnswer,
  FieldErrorsAnswer,
  MarketContext,
  SignalSettingsAnswer,
  StatusAnswer,
  VenueSettingsAnswer,
} from '../../src/messages';
import { bybit } from '../../src/venues/bybit';
import { hyperliquid } from '../../src/venues/hyperliquid';
import { useReplayServer } from './replay-fixture';
import { createTestService, popupSender } from './service-fixture';
import { until } from './until';

const replay = useReplayServer('quiet-day');

function setup() {
  return createTestService({
    origin: replay().origin,
    venues: [bybit, hyperliquid],
    start: Date.UTC(2026, 10, 25, 12, 0, 0),
  });
}

const venuesOf = (market: MarketContext) => market.oi.byVenue.map((share) => share.venue).sort();

describe('a venue switched off', () => {
  it('is not polled, is in no figure, and shows as off; back on, it returns', async () => {
    const { service, handle, advance } = await setup();
    await service.pollDue();
    const both = (await handle({ type: 'getMarket' }, popupSender)) as MarketContext;
    expect(venuesOf(both)).toEqual(['bybit', 'hyperliquid']);

    expect(await handle({ type: 'setVenueSettings', disabled: ['bybit'] }, popupSender)).toEqual({
      disabled: ['bybit'],
    } satisfies VenueSettingsAnswer);
    const market = (await handle({ type: 'getMarket' }, popupSender)) as MarketContext;
    expect(venuesOf(market)).toEqual(['hyperliquid']);
    const hyperliquidOnly = both.oi.byVenue.find((share) => share.venue === 'hyperliquid');
    expect(market.oi.usd).toBeCloseTo(hyperliquidOnly?.usd ?? Number.NaN, 0);
    expect(market.unavailableVenues).not.toContain('bybit');
    const { contexts } = (await handle(
      { type: 'getContext', coins: ['BTC'] },
      popupSender,
    )) as ContextsAnswer;
    expect(contexts[0]?.oi.byVenue.map((share) => share.venue)).toEqual(['hyperliquid']);
    const { venues } = (await handle({ type: 'getStatus' }, popupSender)) as StatusAnswer;
    expect(venues.map((venue) => [venue.venue, venue.enabled])).toEqual([
      ['bybit', false],
      ['hyperliquid', true],
    ]);

    const bybitRequests = () => replay().requests.filter((r) => r.venue === 'bybit').length;
    // History requests asked for before the switch may still be landing.
    await until(async () => {
      const settled = bybitRequests();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return bybitRequests() === settled;
    });
    const before = bybitRequests();
    advance(POLL_INTERVAL_MS + 1_000);
    expect(await service.pollDue()).toEqual(['hyperliquid']);
    expect(bybitRequests()).toBe(before);
    await handle({ type: 'getMarket' }, popupSender);
    await handle({ type: 'getContext', coins: ['BTC', 'ETH'] }, popupSender);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bybitRequests()).toBe(before);
    expect((await service.health())[0]?.stream).toBeNull();

    await handle({ type: 'setVenueSettings', disabled: [] }, popupSender);
    advance(POLL_INTERVAL_MS + 1_000);
    expect((await service.pollDue()).sort()).toEqual(['bybit', 'hyperliquid']);
    const again = (await handle({ type: 'getMarket' }, popupSender)) as MarketContext;
    expect(venuesOf(again)).toEqual(['bybit', 'hyperliquid']);
  });

  it('refuses switching every venue off, and names the problem', async () => {
    const { handle } = await setup();
    const answer = (await handle(
      {
        type: 'setVenueSettings',
        disabled: ['binance', 'bybit', 'okx', 'hyperliquid', 'bitget', 'gate'],
      },
      popupSender,
    )) as ErrorAnswer;
    expect(answer.error).toContain('at least one venue must stay on');
    expect(await handle({ type: 'getVenueSettings' }, popupSender)).toEqual({ disabled: [] });
  });

  it('says why when storage.sync refuses the write (quota), and keeps the old setting', async () => {
    const { handle, failSyncWrites } = await setup();
    failSyncWrites('QUOTA_BYTES_PER_ITEM quota exceeded');
    const answer = (await handle(
      { type: 'setVenueSettings', disabled: ['okx'] },
      popupSender,
    )) as ErrorAnswer;
    expect(answer.error).toBe('venue setting not saved: QUOTA_BYTES_PER_ITEM quota exceeded');
    expect(await handle({ type: 'getVenueSettings' }, popupSender)).toEqual({ disabled: [] });
  });

  it('lists the coins of the enabled venues only', async () => {
    const { service, handle } = await setup();
    await service.pollDue();
    const all = (await handle({ type: 'getCoins' }, popupSender)) as CoinsAnswer;
    expect(all.coins).toContain('BTC');
    expect(all.coins).toEqual([...all.coins].sort());
    await handle({ type: 'setVenueSettings', disabled: ['hyperliquid'] }, popupSender);
    const bybitOnly = (await handle({ type: 'getCoins' }, popupSender)) as CoinsAnswer;
    expect(bybitOnly.coins.length).toBeGreaterThan(0);
    expect(bybitOnly.coins.length).toBeLessThanOrEqual(all.coins.length);
  });
});

describe('signal thresholds from the popup', () => {
  it('a bad value is refused with each field named; reset restores the defaults', async () => {
    const { handle } = await setup();
    const { settings } = (await handle(
      { type: 'getSignalSettings' },
      popupSender,
    )) as SignalSettingsAnswer;
    const bad = {
      ...settings,
      longFlush: { ...(settings.longFlush as object), oiChangePct: 5 },
      minCoveredMinutes: 2,
    };
    const refused = (await handle(
      { type: 'setSignalSettings', settings: bad },
      popupSender,
    )) as FieldErrorsAnswer;
    expect(Object.keys(refused.fields).sort()).toEqual([
      'longFlush.oiChangePct',
      'minCoveredMinutes',
    ]);
    const changed = { ...settings, minCoveredMinutes: 120 };
    await handle({ type: 'setSignalSettings', settings: changed }, popupSender);
    const reset = (await handle(
      { type: 'resetSignalSettings' },
      popupSender,
    )) as SignalSettingsAnswer;
    expect(reset.settings.minCoveredMinutes).toBe(60);
    expect(await handle({ type: 'getSignalSettings' }, popupSender)).toEqual({ settings });
  });
});
