import { describe, expect, it } from 'vitest';
import type { CoinContext, NoFigures } from '../../../src/messages';
import { hasFigures, pinnedRows, pinsWithoutFigures } from '../../../src/popup/pinned-rows';

const context = (coin: string) => ({ coin, asOf: 1 }) as CoinContext;
const contexts = new Map([
  ['BTC', context('BTC')],
  ['ETH', context('ETH')],
]);
const ton: NoFigures = { coin: 'TON', reason: 'venues-off', venues: ['okx'] };

describe('the pinned rows', () => {
  it('asks why only for the pins without figures', () => {
    expect(pinsWithoutFigures(['BTC', 'TON', 'ETH'], contexts)).toEqual(['TON']);
    expect(pinsWithoutFigures(['BTC', 'ETH'], contexts)).toEqual([]);
  });

  it('keeps a pin without figures in its place, with its reason', () => {
    const rows = pinnedRows(['BTC', 'TON', 'ETH'], contexts, [ton]);
    expect(rows.map((row) => row.coin)).toEqual(['BTC', 'TON', 'ETH']);
    expect(rows.map(hasFigures)).toEqual([true, false, true]);
    expect(rows[1]).toEqual(ton);
  });
});
