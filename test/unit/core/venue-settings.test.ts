import { describe, expect, it } from 'vitest';
import { enabledVenues, parseVenueSettings } from '../../../src/core/venue-settings';

describe('venue settings', () => {
  it('accepts venues switched off and lists the others in order', () => {
    const parsed = parseVenueSettings({ disabled: ['okx', 'binance'] });
    expect(parsed).toEqual({ ok: true, settings: { disabled: ['okx', 'binance'] } });
    if (parsed.ok)
      expect(enabledVenues(parsed.settings)).toEqual(['bybit', 'hyperliquid', 'bitget', 'gate']);
  });

  it.each([
    [{ disabled: ['binance', 'bybit', 'okx', 'hyperliquid', 'bitget', 'gate'] }, 'stay on'],
    [{ disabled: ['okx', 'okx'] }, 'listed twice'],
    [{ disabled: ['ftx'] }, 'invalid venue settings'],
    [null, 'invalid venue settings'],
  ])('refuses %j with a reason', (value, reason) => {
    const parsed = parseVenueSettings(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(reason);
  });
});
