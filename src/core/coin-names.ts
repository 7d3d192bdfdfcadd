// The coins with perpetual markets that the detector knows by name: ticker, then names and
// aliases. Kept as one string so that it stays small in the content script.
// `~Name` is a name that is also an ordinary word (Near, Story, Sonic): it counts only with
// context. `=TICK` is an old or alternative ticker of the same coin. A name is matched as written,
// and in capitals when it is not a `~` name; lower-case spellings are listed where news uses them.
export const REGISTRY =
  'BTC:Bitcoin|bitcoin|=XBT;ETH:Ethereum|ethereum|Ether|ether;BCH:Bitcoin Cash|bitcoin cash;' +
  'BSV:Bitcoin SV;ETC:Ethereum Classic;XRP:Ripple|XRP Ledger;BNB:BNB Chain|Binance Coin;' +
  'SOL:Solana|solana;DOGE:Dogecoin|dogecoin;ADA:Cardano|cardano;TRX:Tron|TRON;' +
  'LINK:Chainlink|chainlink;AVAX:Avalanche;SUI:Sui;TON:Toncoin|The Open Network;' +
  'SHIB:Shiba Inu;DOT:Polkadot;LTC:Litecoin|litecoin;HBAR:Hedera;XLM:~Stellar|Stellar Lumens;' +
  'UNI:Uniswap;NEAR:~Near|Near Protocol|NEAR Protocol;APT:Aptos;ICP:Internet Computer;' +
  'PEPE:Pepe;AAVE:Aave;POL:~Polygon|=MATIC;ATOM:~Cosmos|Cosmos Hub;' +
  'ARB:Arbitrum;OP:~Optimism;FIL:Filecoin;INJ:Injective;TIA:Celestia;SEI:Sei;' +
  'RENDER:~Render|Render Network|=RNDR;IMX:~Immutable|Immutable X;MNT:~Mantle;STX:Stacks;' +
  'GRT:The Graph;VET:VeChain;ALGO:Algorand;XTZ:Tezos;XMR:Monero|monero;ZEC:Zcash;' +
  'DASH:~Dash;A:Vaulta|=EOS;NEO:~Neo;QNT:~Quant;THETA:~Theta|Theta Network;' +
  'FLOW:~Flow;EGLD:MultiversX;KAS:Kaspa;HYPE:Hyperliquid;ENA:Ethena;ONDO:Ondo|Ondo Finance;' +
  'JUP:~Jupiter;PYTH:Pyth|Pyth Network;JTO:Jito;RAY:Raydium;WIF:dogwifhat|Dogwifhat;' +
  'BONK:Bonk;FLOKI:Floki;BOME:Book of Meme;POPCAT:Popcat;BRETT:~Brett;MOG:Mog Coin;' +
  'NEIRO:Neiro;TURBO:~Turbo;GOAT:Goatseus Maximus;MOODENG:Moo Deng;PNUT:Peanut the Squirrel;' +
  'ACT:Act I;AI16Z:ai16z;FARTCOIN:Fartcoin;VIRTUAL:Virtuals Protocol|~Virtuals;' +
  'TAO:Bittensor;FET:Fetch.ai|Artificial Superintelligence Alliance;WLD:Worldcoin|World Network;' +
  'ARKM:Arkham;GRASS:~Grass;IO:io.net;AKT:Akash|Akash Network;ZRO:LayerZero;W:Wormhole;' +
  'STRK:Starknet;ZK:ZKsync|zkSync;BLAST:~Blast;MANTA:Manta|Manta Network;ALT:AltLayer;' +
  'EIGEN:EigenLayer|Eigenlayer;ETHFI:ether.fi|Ether.fi;PENDLE:Pendle;LDO:Lido|Lido DAO;' +
  'CRV:~Curve|Curve Finance|Curve DAO;CVX:Convex|Convex Finance;SNX:Synthetix;' +
  'COMP:~Compound;MKR:~Maker|MakerDAO;SKY:~Sky;1INCH:1inch;SUSHI:SushiSwap|Sushi;' +
  'DYDX:dYdX;RUNE:THORChain|Thorchain;JASMY:JasmyCoin;CHZ:Chiliz;' +
  'AXS:Axie Infinity;SAND:The Sandbox;MANA:Decentraland;APE:ApeCoin;GALA:~Gala|Gala Games;' +
  'ENJ:Enjin|Enjin Coin;RON:~Ronin;BEAM:~Beam;ILV:Illuvium;PIXEL:Pixels;YGG:Yield Guild Games;' +
  'NOT:Notcoin;DOGS:~Dogs;HMSTR:Hamster Kombat;CATI:Catizen;' +
  'S:~Sonic|Sonic Labs|=FTM|Fantom;BERA:Berachain;MOVE:~Movement|Movement Network;' +
  'INIT:Initia;IP:~Story|Story Protocol;PLUME:Plume;ASTER:~Aster;XPL:~Plasma;' +
  'PUMP:Pump.fun|pump.fun;WLFI:World Liberty Financial;TRUMP:Official Trump|OFFICIAL TRUMP;' +
  'MELANIA:Official Melania;PENGU:Pudgy Penguins|Pengu;KAITO:Kaito;WAL:~Walrus;' +
  'ORCA:~Orca;DRIFT:~Drift|Drift Protocol;T:~Threshold|Threshold Network;ONE:~Harmony;' +
  'ID:Space ID;RED:RedStone;HOME:DeFi App;TREE:Treehouse;LIGHT:~Lightchain|Bitlight;' +
  'FUN:FUNToken|FunFair;GAS:NeoGas;SUN:Sun Token|SUN Token;JST:~Just;' +
  'BTT:BitTorrent;CORE:Core DAO|~Core;CFX:Conflux;CELO:Celo;ZIL:Zilliqa;IOTA:Iota;' +
  'QTUM:Qtum;KAVA:~Kava;MINA:~Mina|Mina Protocol;ROSE:Oasis|Oasis Network;CKB:Nervos|Nervos Network;' +
  'AR:Arweave;HNT:Helium;LPT:Livepeer;OCEAN:~Ocean|Ocean Protocol;AGLD:Adventure Gold;' +
  'BAND:~Band|Band Protocol;AXL:Axelar;BAT:Basic Attention Token;' +
  'ZRX:0x Protocol;KSM:Kusama;ICX:~ICON;ONT:Ontology;ANKR:Ankr;CELR:Celer|Celer Network;' +
  'SXP:Solar;ACH:Alchemy Pay;MASK:Mask Network;SSV:SSV Network;RPL:Rocket Pool;' +
  'STG:Stargate|Stargate Finance;GMT:STEPN;BLUR:~Blur;ORDI:Ordinals;' +
  'CAKE:PancakeSwap;XAI:~Xai;AEVO:Aevo;ETHW:EthereumPoW;JOE:~Trader Joe;' +
  'USUAL:~Usual;ME:Magic Eden;ANIME:~Animecoin;MORPHO:Morpho;SYRUP:Maple|Maple Finance;' +
  'AERO:Aerodrome;SPX:SPX6900;ZORA:Zora;LAYER:Solayer;SOLV:Solv|Solv Protocol;' +
  'AI:Sleepless AI;TST:Test Token;BABY:Babylon;WCT:WalletConnect;SIGN:~Sign;' +
  'KMNO:Kamino;TNSR:Tensor;DEGEN:~Degen;AIXBT:aixbt;COOKIE:Cookie DAO;GRIFFAIN:Griffain;' +
  'ZEREBRO:Zerebro;SWARMS:Swarms;VINE:~Vine;JELLYJELLY:Jelly-My-Jelly;' +
  'MEW:cat in a dogs world;BIO:Bio Protocol;VANA:Vana;ARC:~Arc;NIL:Nillion;PARTI:Particle Network;KAIA:Kaia|Klaytn';
