// Names that unambiguously mean a coin, for the ten largest coins by market cap (stablecoins
// excluded). Case matters: "Tron" and "TRON" are the chain, "tron" is not a word we want.
export const COIN_NAMES: Readonly<Record<string, string>> = {
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
