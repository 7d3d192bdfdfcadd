import { describe, expect, it } from 'vitest';
import { type DetectOptions, detectMentions } from '../../../src/content/detector';

const coins = (text: string, options?: DetectOptions) =>
  detectMentions(text, options).map((mention) => mention.coin);

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

  // Changed with the full detector: the other ticker is now a mention of its own.
  it('does not swallow a bracket that holds another ticker', () => {
    expect(detectMentions('Solana (BTC)')).toEqual([
      { coin: 'SOL', start: 0, end: 6, text: 'Solana' },
      { coin: 'BTC', start: 8, end: 11, text: 'BTC' },
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

// The full detector (issue "The detector"): tickers, exchange symbols, registry names, and the
// rules that keep words which are also tickers from becoming mentions.
describe('tickers and exchange symbols', () => {
  it('a distinctive upper-case ticker is a mention', () => {
    expect(detectMentions('BTC and ETH fell')).toEqual([
      { coin: 'BTC', start: 0, end: 3, text: 'BTC' },
      { coin: 'ETH', start: 8, end: 11, text: 'ETH' },
    ]);
  });

  it.each([
    ['BTCUSDT', 'BTC'],
    ['ETH/USDT', 'ETH'],
    ['BTC-USDT-SWAP', 'BTC'],
    ['1000PEPEUSDT', 'PEPE'],
    ['BTCUSD_PERP', 'BTC'],
    ['kPEPE', 'PEPE'],
    ['T/USDT', 'T'],
    ['S/USDT', 'S'],
  ])('%s is one %s mention covering the symbol', (text, coin) => {
    expect(detectMentions(`${text} funding`)).toEqual([{ coin, start: 0, end: text.length, text }]);
  });

  it('stablecoins are never mentions, as tickers or symbols', () => {
    expect(detectMentions('USDT, USDC, TUSD and FDUSD held their pegs')).toEqual([]);
  });

  it('stock cashtags are not coins', () => {
    expect(coins('$MSTR and $COIN fell while $BTC held')).toEqual(['BTC']);
  });

  it('venue tickers extend what counts, and then restrict cashtags to known coins', () => {
    const tickers = new Set(['JELLYJELLY', 'PEPE']);
    expect(coins('$JELLYJELLY and $FOO', { tickers })).toEqual(['JELLYJELLY']);
    expect(coins('JELLYJELLYUSDT rose', { tickers })).toEqual(['JELLYJELLY']);
    expect(coins('$FOO rose')).toEqual(['FOO']);
  });
});

describe('registry names', () => {
  it.each([
    ['Shiba Inu', 'SHIB'],
    ['Threshold Network', 'T'],
    ['Bitcoin Cash', 'BCH'],
    ['Ethereum Classic', 'ETC'],
    ['Near Protocol', 'NEAR'],
    ['Pump.fun', 'PUMP'],
    ['dogwifhat', 'WIF'],
  ])('%s is %s, longest match first', (text, coin) => {
    expect(detectMentions(`${text} rallied`)).toEqual([{ coin, start: 0, end: text.length, text }]);
  });

  it('a name in capitals counts in a headline', () => {
    expect(coins('BITCOIN SURGES PAST $100K AS SHORTS GET SQUEEZED')).toEqual(['BTC']);
  });

  it('an old ticker names the coin: MATIC is POL, EOS is A', () => {
    expect(coins('MATIC and EOS holders')).toEqual(['POL', 'A']);
  });
});

describe('ambiguous tickers and names', () => {
  it.each([
    'Please click the link in the email.',
    'It only took one tweet.',
    'Stocks traded near record highs.',
    'A ton of capital flowed in.',
    'The op-ed argued otherwise.',
    'Fees, funding, etc. add up.',
    'Gas fees fell; the sun came out; a red candle; home prices rose.',
    'Do NOT share your keys.',
    'Your user ID is shown on the account page.',
    'A trader lost $12 million on a 40x long.',
    'S&P 500 futures rose 0.4%.',
    'T-bills yield more than staking.',
    'AI tokens led the market.',
    'The hacking group, tracked as an APT by researchers, stole funds.',
  ])('lower-case and common words are not tickers: %s', (text) => {
    expect(detectMentions(text)).toEqual([]);
  });

  it('people are not coins: Trump, Justin Sun, Mr. Sui', () => {
    expect(coins('President Trump met Justin Sun; Mr. Sui declined to comment.')).toEqual([]);
  });

  it.each([
    ['Threshold (T) rallied', 'T', 'Threshold (T)'],
    ['Harmony (ONE) surged', 'ONE', 'Harmony (ONE)'],
    ['Wormhole (W) unlocked', 'W', 'Wormhole (W)'],
    ['Sonic (S) rose', 'S', 'Sonic (S)'],
    ['Vaulta (A) rose', 'A', 'Vaulta (A)'],
  ])('a name with its one-letter or word ticker is one mention: %s', (text, coin, mention) => {
    expect(detectMentions(text)).toEqual([{ coin, start: 0, end: mention.length, text: mention }]);
  });

  it.each([
    ['The TRUMP memecoin jumped 14%', 'TRUMP'],
    ['GAS token jumped 50% on Upbit', 'GAS'],
    ['NOT tokens are down 90%', 'NOT'],
    ['OP fell 6% to $0.71', 'OP'],
    ['IO tokens unlock on the 11th', 'IO'],
    ['$TRUMP fell', 'TRUMP'],
  ])('context makes a word-like ticker a coin: %s', (text, coin) => {
    expect(coins(text)).toEqual([coin]);
  });

  it.each(['LINK', 'NEAR', 'APT', 'UNI', 'TON', 'ATOM', 'ARB', 'ETC', 'HYPE'])(
    '%s in upper case in ordinary text is the coin',
    (ticker) => {
      expect(coins(`Traders bought ${ticker} on the dip.`)).toEqual([ticker]);
    },
  );

  it.each([
    'HOME SALES FALL TO 30-YEAR LOW AS MORTGAGE RATES STAY NEAR 7%',
    'ONE MORE RATE CUT IS ALL IT TAKES, SAYS FED WATCHER',
    'TRUMP SAYS HE WILL SIGN CRYPTO BILL "VERY SOON"',
    'LINK UP WITH US AT TOKEN2049 IN SINGAPORE',
    'APT HACKERS LINKED TO NORTH KOREA BEHIND EXCHANGE BREACH',
    'GAS PRICES DROP AS OIL SLIDES',
    'FUN AND GAMES ARE OVER; THE SUN ALSO RISES; MOVE FAST; RED ALERT',
  ])('an all-caps headline does not turn its words into tickers: %s', (text) => {
    expect(detectMentions(text)).toEqual([]);
  });

  it('a headline keeps its distinctive tickers and names', () => {
    expect(coins('BITCOIN HOVERS NEAR $104K; ETH FUNDING TURNS NEGATIVE')).toEqual(['BTC', 'ETH']);
    expect(coins('TRUMP TOKEN DINNER SPARKS ETHICS COMPLAINT')).toEqual(['TRUMP']);
  });

  it('a word-like name counts next to other coins in a list', () => {
    expect(coins('Solana, Near and Aptos led the rebound')).toEqual(['SOL', 'NEAR', 'APT']);
    expect(coins('NEAR, LINK AND UNI RALLY AS DEFI ROTATION BEGINS')).toEqual([
      'NEAR',
      'LINK',
      'UNI',
    ]);
    expect(coins('Near the end of the session, Dash cam footage surfaced')).toEqual([]);
  });
});
