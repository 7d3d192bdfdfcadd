import { describe, expect, it } from 'vitest';
import { movedByStep, movedTo, neighbourOf } from '../../../src/popup/reorder';

const pins = ['BTC', 'ETH', 'SOL', 'PEPE'];

describe('reordering pins', () => {
  it('moves one step up or down, and stays put at either end', () => {
    expect(movedByStep(pins, 'SOL', -1)).toEqual(['BTC', 'SOL', 'ETH', 'PEPE']);
    expect(movedByStep(pins, 'SOL', 1)).toEqual(['BTC', 'ETH', 'PEPE', 'SOL']);
    expect(movedByStep(pins, 'BTC', -1)).toEqual(pins);
    expect(movedByStep(pins, 'PEPE', 1)).toEqual(pins);
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
});
