// Names that unambiguously mean a coin, for the ten largest coins by market cap (stablecoins
// excluded), plus the longer names that contain them and mean another coin ("Bitcoin Cash"), so
// that the longest match wins. Case matters: news style writes "bitcoin" and "ether" in lower
// case, but "tron" is not a word we want.
export const COIN_NAMES: Readonly<Record<string, string>> = {
  'Bitcoin Cash': 'BCH',
  'Bitcoin SV': 'BSV',
  'Wrapped Bitcoin': 'WBTC',
  'Ethereum Classic': 'ETC',
  bitcoin: 'BTC',
  ethereum: 'ETH',
  ether: 'ETH',
  dogecoin: 'DOGE',
  solana: 'SOL',
  cardano: 'ADA',
  chainlink: 'LINK',
  Bitcoin: 'BTC',
  Ethereum: 'ETH',
  Ether: 'ETH',
  XRP: 'XRP',
  BNB: 'BNB',
  Solana: 'SOL',
  Dogecoin: 'DOGE',
  TRON: 'TRX',
  Tron: 'TRX',
  Cardano: 'ADA',
  Hyperliquid: 'HYPE',
  Chainlink: 'LINK',
};
