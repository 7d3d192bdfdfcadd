// Changes that read, modify and write back a stored value, sent at the same moment (two popups,
// or two quick clicks): each must be applied to what the other wrote, not to what both read.
import { describe, expect, it } from 'vitest';
import { createMessageHandler } from '../../../src/background/handlers';
import type { SiteSettings } from '../../../src/background/sites';
import { DEFAULT_SIGNAL_SETTINGS } from '../../../src/core/settings';
import type { VenueSettings } from '../../../src/core/venue-settings';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const popup = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/src/popup/index.html` };
/** storage.sync answers later than the caller's next line: reads and writes take a turn. */
const later = () => new Promise((resolve) => setTimeout(resolve, 1));

function setup() {
  let pins: string[] = [];
  let venues: VenueSettings = { disabled: [] };
  const handle = createMessageHandler({
    service: {} as never,
    extensionId: EXTENSION_ID,
    extensionOrigin: `chrome-extension://${EXTENSION_ID}/`,
    refresh: async () => ({ polled: [] }),
    settings: { load: async () => DEFAULT_SIGNAL_SETTINGS, save: async () => undefined },
    toolbar: { load: async () => ({ kind: 'off' }), save: async () => undefined },
    alerts: { enabled: async () => false, setEnabled: async () => undefined },
    sites: {} as SiteSettings,
    pins: {
      async load() {
        await later();
        return [...pins];
      },
      save: async (next) => {
        await later();
        pins = [...next];
      },
    },
    venues: {
      async load() {
        await later();
        return venues;
      },
      save: async (next) => {
        await later();
        venues = next;
      },
    },
  });
  return { handle, pins: () => pins, venues: () => venues };
}

describe('changes sent at the same moment', () => {
  it('two pins: both are kept', async () => {
    const { handle, pins } = setup();
    await Promise.all([
      handle({ type: 'pinCoin', coin: 'BTC' }, popup),
      handle({ type: 'pinCoin', coin: 'ETH' }, popup),
      handle({ type: 'pinCoin', coin: 'SOL' }, popup),
    ]);
    expect(pins()).toEqual(['BTC', 'ETH', 'SOL']);
  });

  it('a pin and an unpin: each applies to what the other left', async () => {
    const { handle, pins } = setup();
    await handle({ type: 'pinCoin', coin: 'BTC' }, popup);
    await Promise.all([
      handle({ type: 'unpinCoin', coin: 'BTC' }, popup),
      handle({ type: 'pinCoin', coin: 'ETH' }, popup),
    ]);
    expect(pins()).toEqual(['ETH']);
  });

  it('a move and a pin: the move applies to the pins as stored, the new pin stays', async () => {
    const { handle, pins } = setup();
    await handle({ type: 'pinCoin', coin: 'BTC' }, popup);
    await handle({ type: 'pinCoin', coin: 'ETH' }, popup);
    await Promise.all([
      handle({ type: 'pinCoin', coin: 'SOL' }, popup),
      handle({ type: 'movePin', coin: 'SOL', target: 'BTC' }, popup),
      handle({ type: 'movePin', coin: 'ETH', target: 'BTC' }, popup),
    ]);
    expect(pins()).toEqual(['SOL', 'ETH', 'BTC']);
    // A move of a coin unpinned meanwhile changes nothing.
    await handle({ type: 'unpinCoin', coin: 'SOL' }, popup);
    expect(await handle({ type: 'movePin', coin: 'SOL', target: 'ETH' }, popup)).toEqual({
      pins: ['ETH', 'BTC'],
    });
  });

  it('two quick steps up move a pin two places', async () => {
    const { handle, pins } = setup();
    for (const coin of ['BTC', 'ETH', 'SOL']) await handle({ type: 'pinCoin', coin }, popup);
    await Promise.all([
      handle({ type: 'stepPin', coin: 'SOL', step: -1 }, popup),
      handle({ type: 'stepPin', coin: 'SOL', step: -1 }, popup),
    ]);
    expect(pins()).toEqual(['SOL', 'BTC', 'ETH']);
    expect(await handle({ type: 'stepPin', coin: 'SOL', step: -1 }, popup)).toEqual({
      pins: ['SOL', 'BTC', 'ETH'],
    });
  });

  it('two venue switches: both venues end up off, and the answers say so in turn', async () => {
    const { handle, venues } = setup();
    const answers = await Promise.all([
      handle({ type: 'setVenueEnabled', venue: 'okx', enabled: false }, popup),
      handle({ type: 'setVenueEnabled', venue: 'gate', enabled: false }, popup),
    ]);
    expect(venues()).toEqual({ disabled: ['okx', 'gate'] });
    expect(answers).toEqual([{ disabled: ['okx'] }, { disabled: ['okx', 'gate'] }]);
  });

  it('switching the last venue off is refused, and a venue switched back on comes back', async () => {
    const { handle, venues } = setup();
    await handle(
      { type: 'setVenueSettings', disabled: ['binance', 'bybit', 'okx', 'hyperliquid', 'bitget'] },
      popup,
    );
    expect(await handle({ type: 'setVenueEnabled', venue: 'gate', enabled: false }, popup)).toEqual(
      { error: 'invalid venue settings (at least one venue must stay on)' },
    );
    await handle({ type: 'setVenueEnabled', venue: 'okx', enabled: true }, popup);
    expect(venues()).toEqual({ disabled: ['binance', 'bybit', 'hyperliquid', 'bitget'] });
  });
});
