import { describe, expect, it } from 'vitest';
import { registryEntries, searchCoins } from '../../../src/core/coin-search';

const registry = registryEntries();
const coins = (query: string, listed: string[] = []) =>
  searchCoins(query, registry, listed).map((match) => match.coin);

describe('searchCoins', () => {
  it('puts the exact ticker first, then tickers that start with the query', () => {
    const found = coins('sol');
    expect(found[0]).toBe('SOL');
    expect(found).toContain('SOLV');
  });

  it('finds a coin by its name, in any case, and by a word of the name', () => {
    expect(coins('bitcoin')[0]).toBe('BTC');
    expect(coins('ether')[0]).toBe('ETH');
    expect(coins('BITCOIN')).toEqual(expect.arrayContaining(['BTC', 'BCH', 'BSV']));
    expect(coins('lumens')).toEqual(['XLM']);
    expect(searchCoins('shiba', registry, [])).toEqual([{ coin: 'SHIB', name: 'Shiba Inu' }]);
  });

  it('finds an old ticker of a coin under the coin', () => {
    expect(coins('matic')).toEqual(['POL']);
    expect(coins('xbt')[0]).toBe('BTC');
  });

  it('includes coins only the venues list, without a name', () => {
    expect(coins('zzq')).toEqual([]);
    expect(searchCoins('zzq', registry, ['ZZQX'])).toEqual([{ coin: 'ZZQX', name: null }]);
  });

  it('matches inside a name only from three letters, and nothing for blank input', () => {
    expect(coins('ain')).toContain('LINK');
    expect(coins('ai')).not.toContain('LINK');
    expect(coins('   ')).toEqual([]);
  });

  it('returns at most the limit', () => {
    expect(searchCoins('a', registry, [], 5)).toHaveLength(5);
  });
});
