import { describe, expect, it } from 'vitest';
import { changedPins, movedTo, neighbourOf, targetByStep } from '../../../src/core/pin-order';
import { MAX_PINS } from '../../../src/messages';

const pins = ['BTC', 'ETH', 'SOL', 'PEPE'];

describe('reordering pins', () => {
  it('finds the neighbour one step up or down, and none past either end', () => {
    expect(targetByStep(pins, 'SOL', -1)).toBe('ETH');
    expect(targetByStep(pins, 'SOL', 1)).toBe('PEPE');
    expect(targetByStep(pins, 'BTC', -1)).toBeNull();
    expect(targetByStep(pins, 'PEPE', 1)).toBeNull();
    expect(targetByStep(pins, 'DOGE', 1)).toBeNull();
  });

  it("drops a coin onto another's place, downwards and upwards", () => {
    expect(movedTo(pins, 'BTC', 'SOL')).toEqual(['ETH', 'SOL', 'BTC', 'PEPE']);
    expect(movedTo(pins, 'PEPE', 'ETH')).toEqual(['BTC', 'PEPE', 'ETH', 'SOL']);
    expect(movedTo(pins, 'ETH', 'ETH')).toEqual(pins);
    expect(movedTo(pins, 'DOGE', 'ETH')).toEqual(pins);
  });

  it('gives the keyboard to the next coin when one leaves, or the one before at the end', () => {
    expect(neighbourOf(pins, 'ETH')).toBe('SOL');
    expect(neighbourOf(pins, 'PEPE')).toBe('SOL');
    expect(neighbourOf(['BTC'], 'BTC')).toBeNull();
    expect(neighbourOf(pins, 'DOGE')).toBeNull();
  });

  it('pins a coin once, upper-cased, and no more than the limit', () => {
    expect(changedPins(['BTC'], { type: 'pinCoin', coin: 'eth' })).toEqual({
      pins: ['BTC', 'ETH'],
    });
    expect(changedPins(['BTC'], { type: 'pinCoin', coin: 'btc' })).toEqual({ pins: ['BTC'] });
    const full = Array.from({ length: MAX_PINS }, (_, index) => `C${index}`);
    expect(changedPins(full, { type: 'pinCoin', coin: 'ETH' })).toEqual({
      error: `at most ${MAX_PINS} coins can be pinned`,
    });
  });

  it('moves by target or by step, and leaves the pins alone when the coin is gone', () => {
    expect(changedPins(pins, { type: 'movePin', coin: 'pepe', target: 'BTC' })).toEqual({
      pins: ['PEPE', 'BTC', 'ETH', 'SOL'],
    });
    expect(changedPins(pins, { type: 'stepPin', coin: 'BTC', step: 1 })).toEqual({
      pins: ['ETH', 'BTC', 'SOL', 'PEPE'],
    });
    expect(changedPins(pins, { type: 'stepPin', coin: 'DOGE', step: -1 })).toEqual({ pins });
  });
});
