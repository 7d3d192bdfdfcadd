import { describe, expect, it } from 'vitest';
import { detectMentions } from '../../../src/content/detector';

const coins = (text: string) => detectMentions(text).map((mention) => mention.coin);

// Names of the largest coins, as news articles write them. Offsets must be exact: the content
// script slices the page's Text node with them and inserts the badge at `end`.
describe('coin names', () => {
  it('Bitcoin is BTC, with exact offsets and text', () => {
    expect(detectMentions('Bitcoin')).toEqual([{ coin: 'BTC', start: 0, end: 7, text: 'Bitcoin' }]);
  });

  it('Ethereum is one ETH mention, not also "Ether"', () => {
    expect(detectMentions('Ethereum')).toEqual([
      { coin: 'ETH', start: 0, end: 8, text: 'Ethereum' },
    ]);
  });

  it('finds names followed by punctuation or a possessive', () => {
    expect(detectMentions('Bitcoin’s dominance, Solana.')).toEqual([
      { coin: 'BTC', start: 0, end: 7, text: 'Bitcoin' },
      { coin: 'SOL', start: 21, end: 27, text: 'Solana' },
    ]);
  });

  it('upper-case names that are also tickers (XRP, BNB, TRON) count', () => {
    expect(coins('XRP, BNB and TRON')).toEqual(['XRP', 'BNB', 'TRX']);
  });

  it('does not find a name inside a longer word', () => {
    expect(detectMentions('Check it on Etherscan')).toEqual([]);
    expect(detectMentions('Bitcoiners and Solanas')).toEqual([]);
  });
});

// "Solana (SOL)" is how articles introduce a coin: one mention, one badge after the ticker.
describe('name followed by its ticker', () => {
  it.each([
    ['Solana (SOL)', 'SOL'],
    ['Bitcoin [BTC]', 'BTC'],
    ['Ether (ETH)', 'ETH'],
    ['Ethereum (ETH)', 'ETH'],
  ])('%s is one mention covering the whole string', (text, coin) => {
    expect(detectMentions(text)).toEqual([{ coin, start: 0, end: text.length, text }]);
  });

  it('does not swallow a bracket that holds another ticker', () => {
    expect(detectMentions('Solana (BTC)')).toEqual([
      { coin: 'SOL', start: 0, end: 6, text: 'Solana' },
    ]);
  });
});

// Cashtags are how traders write coins; money amounts and stablecoins are not coins.
describe('cashtags', () => {
  it('$PEPE is PEPE, the $ included in the mention', () => {
    expect(detectMentions('$PEPE')).toEqual([{ coin: 'PEPE', start: 0, end: 5, text: '$PEPE' }]);
  });

  it.each(['US$5', '$100', 'costs $5B', 'A$20'])('%s is money, not a mention', (text) => {
    expect(detectMentions(text)).toEqual([]);
  });

  it.each(['$USDT', '$USDC', '$DAI'])('%s is a stablecoin, not a mention', (text) => {
    expect(detectMentions(text)).toEqual([]);
  });

  it('a lower-case or one-letter cashtag is not a ticker', () => {
    expect(detectMentions('$pepe and $A')).toEqual([]);
  });
});

describe('a sentence with several mentions', () => {
  const text =
    'Bitcoin rose 3% while Solana (SOL) slid and $PEPE doubled; Ethereum and US$5 coffee, $100 fees, $USDT flat.';

  it('finds each mention once, in order, at the right offsets', () => {
    expect(detectMentions(text)).toEqual([
      { coin: 'BTC', start: 0, end: 7, text: 'Bitcoin' },
      { coin: 'SOL', start: 22, end: 34, text: 'Solana (SOL)' },
      { coin: 'PEPE', start: 44, end: 49, text: '$PEPE' },
      { coin: 'ETH', start: 59, end: 67, text: 'Ethereum' },
    ]);
  });

  it('every mention text is exactly the slice its offsets name', () => {
    for (const mention of detectMentions(text)) {
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    }
  });

  it('offsets are UTF-16 indices, as DOM Text nodes use', () => {
    // the emoji is two UTF-16 code units
    expect(detectMentions('🚀 Bitcoin')).toEqual([
      { coin: 'BTC', start: 3, end: 10, text: 'Bitcoin' },
    ]);
  });
});

// News style: names are capitalised, so case is kept where a lower-case word is ambiguous.
describe('case', () => {
  it('"tron" in lower case is not TRON', () => {
    expect(detectMentions('a tron')).toEqual([]);
  });
});

// Cases a news reader expects, found while reviewing the first detector.
describe('names that contain other names, case and ticker suffixes', () => {
  // Reuters, AP and CoinDesk write the currency in lower case: "bitcoin (BTC)".
  it('lower-case "bitcoin" is BTC', () => {
    expect(detectMentions('The price of bitcoin (BTC) fell')).toEqual([
      { coin: 'BTC', start: 13, end: 26, text: 'bitcoin (BTC)' },
    ]);
  });

  // Other coins whose names start with a tracked name must not be read as that coin.
  it('"Bitcoin Cash (BCH)" is not BTC', () => {
    expect(coins('Bitcoin Cash (BCH) rallied')).not.toContain('BTC');
  });

  it('"Ethereum Classic (ETC)" is not ETH', () => {
    expect(coins('Ethereum Classic (ETC) rallied')).not.toContain('ETH');
  });

  // The ticker in brackets is part of the first mention; it must not be found a second time.
  it('"Bitcoin ($BTC)" is one mention, without an overlapping "$BTC"', () => {
    expect(detectMentions('Bitcoin ($BTC)')).toEqual([
      { coin: 'BTC', start: 0, end: 14, text: 'Bitcoin ($BTC)' },
    ]);
  });
});
