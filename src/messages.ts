// The hallway: every runtime message and port payload, as a schema, named by direction.
// Built on zod/mini so that the content script, which imports this module, stays small.
import { z } from 'zod/mini';
import { DENSITIES } from './core/page-settings';
import { UPDATES_PORT } from './ports';

export { UPDATES_PORT };

export const VENUE_IDS = ['binance', 'bybit', 'okx', 'hyperliquid', 'bitget', 'gate'] as const;
export const VenueId = z.enum(VENUE_IDS);
export type VenueId = z.infer<typeof VenueId>;

const coinId = z.string().check(z.minLength(1), z.maxLength(20));
/** storage.sync keeps items small: a short list of pins fits easily. */
export const MAX_PINS = 30;
const usd = z.nullable(z.number());
const percent = z.nullable(z.number());

export const LiquidationWindow = z.object({
  longUsd: usd,
  shortUsd: usd,
  count: z.nullable(z.number()),
  coveredMinutes: z.number(),
});
export type LiquidationWindow = z.infer<typeof LiquidationWindow>;

export const Liquidations = z.object({
  '1h': LiquidationWindow,
  '4h': LiquidationWindow,
  '24h': LiquidationWindow,
});
export type Liquidations = z.infer<typeof Liquidations>;

export const VenueShare = z.object({
  venue: VenueId,
  usd: z.number(),
  /** False where the venue does not document whether its OI counts one side or both. */
  oneSided: z.boolean(),
});
export type VenueShare = z.infer<typeof VenueShare>;

export const OpenInterest = z.object({
  usd,
  change1hPct: percent,
  change24hPct: percent,
  percentile30d: percent,
  /** The share of today's OI that the change and percentile figures are computed over. */
  historyBasisPct: percent,
  byVenue: z.array(VenueShare),
  toMarketCapPct: percent,
});
export type OpenInterest = z.infer<typeof OpenInterest>;

export const SIGNAL_IDS = [
  'long-flush',
  'short-squeeze',
  'overheated',
  'crowded-shorts',
  'spot-led',
] as const;

export const Signal = z.object({
  id: z.enum(SIGNAL_IDS),
  /** One sentence built from the numbers that made it fire. */
  explanation: z.string(),
  /** The figures the rule read (percents are percents, USD in dollars). */
  inputs: z.record(z.string(), z.nullable(z.number())),
  /** What each input was compared with. */
  thresholds: z.record(z.string(), z.number()),
  /** Minutes of the 24h window the liquidation figures cover, for the rules that use them. */
  coveredMinutes: z.nullable(z.number()),
});
export type Signal = z.infer<typeof Signal>;

export const LeverageLevel = z.nullable(z.enum(['low', 'normal', 'elevated', 'extreme']));
export type LeverageLevel = z.infer<typeof LeverageLevel>;

/** Names of figures that are not known yet, so the UI can say what is missing. */
export const Missing = z.array(z.string());

export const CoinContext = z.object({
  coin: coinId,
  price: z.object({ usd, change24hPct: percent }),
  oi: OpenInterest,
  funding: z.object({ rate8h: z.nullable(z.number()), apr: percent }),
  liquidations: Liquidations,
  level: LeverageLevel,
  signals: z.array(Signal),
  missing: Missing,
  /** Venues listing the coin whose data is not live now (down, failing, stale): named, not hidden. */
  unavailableVenues: z.array(VenueId),
  asOf: z.number(),
});
export type CoinContext = z.infer<typeof CoinContext>;

/**
 * Why a coin has no figures: no enabled venue lists it ('unlisted'), only venues the user switched
 * off do ('venues-off'), enabled venues list it but none has answered for it yet ('waiting'), or
 * an enabled venue's markets are not known yet, so it may list the coin ('markets-unknown').
 * `venues` names the venues the reason is about (none for 'unlisted').
 */
export const NO_FIGURES_REASONS = ['unlisted', 'venues-off', 'waiting', 'markets-unknown'] as const;
export const NoFigures = z.object({
  coin: coinId,
  reason: z.enum(NO_FIGURES_REASONS),
  venues: z.array(VenueId),
});
export type NoFigures = z.infer<typeof NoFigures>;

/** Who led the market's move (DESIGN.md): BTC against the altcoins. */
export const Breadth = z.object({
  /** BTC's part of the market's 24h OI change in USD, percent. */
  btcShareOfOiChangePct: percent,
  /** BTC's part of the market's reported 24h liquidations, percent. */
  btcShareOfLiquidationsPct: percent,
  /** Altcoins' share of total OI now, percent, and where it stands within 30 days. */
  altShareOfOiPct: percent,
  altShareOfOiPercentile30d: percent,
});
export type Breadth = z.infer<typeof Breadth>;

export const MarketContext = z.object({
  /** 24h price change of the market: the coins' changes weighted by their OI. */
  price: z.object({ change24hPct: percent }),
  oi: OpenInterest,
  /** Funding across every market, weighted by OI. */
  funding: z.object({ rate8h: z.nullable(z.number()), apr: percent }),
  breadth: Breadth,
  liquidations: Liquidations,
  signals: z.array(Signal),
  missing: Missing,
  /** Venues whose data is not live now (down, failing, stale). */
  unavailableVenues: z.array(VenueId),
  /** The coins with the largest open interest, largest first. */
  largestCoins: z.array(coinId),
  coinCount: z.number(),
  /** When the newest data in this answer was fetched; null before the first success. */
  asOf: z.nullable(z.number()),
});
export type MarketContext = z.infer<typeof MarketContext>;

export const VenueState = z.enum(['waiting', 'live', 'stale', 'degraded', 'failing']);
export type VenueState = z.infer<typeof VenueState>;

/**
 * Why a venue's requests failed, as a code and its figures: the popup words it in the user's
 * language. `detail` is the technical part (a JSON error, a zod path), shown as it is.
 */
export const RequestProblem = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('http'),
    status: z.number(),
    retryAfterSeconds: z.nullable(z.number()),
  }),
  z.object({
    code: z.enum(['malformed', 'schema', 'api-error', 'network']),
    detail: z.string(),
  }),
]);
export type RequestProblem = z.infer<typeof RequestProblem>;

/** Why a venue is not live: a failed request, or a live venue quiet for this many minutes. */
export const VenueReason = z.union([
  RequestProblem,
  z.object({ code: z.literal('quiet'), minutes: z.number() }),
]);
export type VenueReason = z.infer<typeof VenueReason>;

/** The last problem of a liquidation stream: its connection, or a frame it could not read. */
export const StreamReason = z.union([
  z.object({ code: z.enum(['connection-dropped', 'connection-refused']) }),
  z.object({ code: z.literal('frame'), problem: RequestProblem }),
]);
export type StreamReason = z.infer<typeof StreamReason>;

export const StreamStatus = z.object({
  connected: z.number(),
  connections: z.number(),
  reason: z.nullable(StreamReason),
  unreadableFrames: z.number(),
});
export type StreamStatus = z.infer<typeof StreamStatus>;

export const VenueStatus = z.object({
  venue: VenueId,
  state: VenueState,
  /** Why the venue is not live (worded by the popup); null when live. */
  reason: z.nullable(VenueReason),
  lastSuccessAt: z.nullable(z.number()),
  lastAttemptAt: z.nullable(z.number()),
  nextAttemptAt: z.nullable(z.number()),
  consecutiveFailures: z.number(),
});
export type VenueStatus = z.infer<typeof VenueStatus>;

/**
 * The venue's history requests (OI, liquidation and funding history) failing since their last
 * success; separate from the live poll's state.
 */
export const HistoryTrouble = z.object({
  reason: RequestProblem,
  failedAt: z.number(),
  /** The last history request of the venue that succeeded; null when none has yet. */
  lastSuccessAt: z.nullable(z.number()),
});
export type HistoryTrouble = z.infer<typeof HistoryTrouble>;

/** What the popup shows per venue: the polling status, its live stream, and notes. */
export const VenueHealth = z.object({
  ...VenueStatus.shape,
  /** Null while the venue's history requests succeed (or none was made). */
  history: z.nullable(HistoryTrouble),
  /** False when the user switched the venue off: not polled, not streamed, in no figure. */
  enabled: z.boolean(),
  /** The liquidation stream; null for venues without one (Hyperliquid). */
  stream: z.nullable(StreamStatus),
  /** Requests used in the venue's rate-limit window, as a share of its documented limit. */
  budgetUsedPct: z.nullable(z.number()),
  oneSided: z.boolean(),
});
export type VenueHealth = z.infer<typeof VenueHealth>;
// ---- content → background -------------------------------------------------------------------

export const GetContextRequest = z.object({
  type: z.literal('getContext'),
  coins: z.array(coinId).check(z.maxLength(200)),
});
export type GetContextRequest = z.infer<typeof GetContextRequest>;

/** Pins a coin (from the hover card or the popup); pinned coins come first in the popup. */
export const PinCoinRequest = z.object({ type: z.literal('pinCoin'), coin: coinId });
export const GetPinsRequest = z.object({ type: z.literal('getPins') });

/** A coin's history for its chart: OI over 30 days, liquidations per hour, funding over time. */
export const GetCoinHistoryRequest = z.object({ type: z.literal('getCoinHistory'), coin: coinId });
/** How many badges a page gets (src/core/page-settings.ts). */
export const Density = z.enum(DENSITIES);

/** The content script asks whether it may run on its page, and how densely to badge it. The
 * background answers for the sender's own page (its URL, not anything the page could say). */
export const GetPageSettingsRequest = z.object({ type: z.literal('getPageSettings') });

export const ContentToBackground = z.discriminatedUnion('type', [
  GetContextRequest,
  PinCoinRequest,
  GetPinsRequest,
  GetCoinHistoryRequest,
  GetPageSettingsRequest,
]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

// ---- popup → background ---------------------------------------------------------------------

export const GetMarketRequest = z.object({ type: z.literal('getMarket') });
export const GetStatusRequest = z.object({ type: z.literal('getStatus') });
/** "Refresh now": polls every venue that is due, still honouring each venue's back-off. */
export const RefreshRequest = z.object({ type: z.literal('refresh') });

export const GetSignalSettingsRequest = z.object({ type: z.literal('getSignalSettings') });
/** New thresholds: checked by the background against the settings schema (src/core/settings.ts). */
export const SetSignalSettingsRequest = z.object({
  type: z.literal('setSignalSettings'),
  settings: z.unknown(),
});

/** Back to DESIGN.md's default thresholds. */
export const ResetSignalSettingsRequest = z.object({ type: z.literal('resetSignalSettings') });

/** Venues the user switched off (storage.sync); the background stops polling and streaming them. */
export const GetVenueSettingsRequest = z.object({ type: z.literal('getVenueSettings') });
export const SetVenueSettingsRequest = z.object({
  type: z.literal('setVenueSettings'),
  disabled: z.array(VenueId),
});
/** One venue's switch: applied to what is stored, so two switches at once both count. */
export const SetVenueEnabledRequest = z.object({
  type: z.literal('setVenueEnabled'),
  venue: VenueId,
  enabled: z.boolean(),
});

/** Every coin the enabled venues list, for the popup's search. */
export const GetCoinsRequest = z.object({ type: z.literal('getCoins') });

/** For coins getContext had no figures for (a pin no enabled venue lists): the reason why. */
export const WhyNoFiguresRequest = z.object({
  type: z.literal('whyNoFigures'),
  coins: z.array(coinId).check(z.maxLength(MAX_PINS)),
});

export const UnpinCoinRequest = z.object({ type: z.literal('unpinCoin'), coin: coinId });
/**
 * A pinned coin takes another's place (drag and drop, or Alt+arrow onto its neighbour). Applied to
 * the pins as stored, so a pin added or removed meanwhile (another popup, a card) stays as it is.
 */
export const MovePinRequest = z.object({
  type: z.literal('movePin'),
  coin: coinId,
  target: coinId,
});
/** A pinned coin one place up (−1) or down (+1) (Alt+arrow): two quick presses move it twice. */
export const StepPinRequest = z.object({
  type: z.literal('stepPin'),
  coin: coinId,
  step: z.union([z.literal(-1), z.literal(1)]),
});

/** What the toolbar badge shows (see src/core/toolbar.ts). */
export const ToolbarMode = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('market-liquidations-1h') }),
  z.object({ kind: z.literal('coin-oi-change-24h'), coin: coinId }),
  z.object({ kind: z.literal('off') }),
]);
export const GetToolbarModeRequest = z.object({ type: z.literal('getToolbarMode') });
export const SetToolbarModeRequest = z.object({
  type: z.literal('setToolbarMode'),
  mode: ToolbarMode,
});
export const ToolbarModeAnswer = z.object({ mode: ToolbarMode });
export type ToolbarModeAnswer = z.infer<typeof ToolbarModeAnswer>;

/** Desktop notifications when a signal starts for a pinned coin: off until the user turns them on. */
export const GetAlertsRequest = z.object({ type: z.literal('getAlerts') });
export const SetAlertsRequest = z.object({ type: z.literal('setAlerts'), enabled: z.boolean() });
export const AlertsAnswer = z.object({ enabled: z.boolean() });
export type AlertsAnswer = z.infer<typeof AlertsAnswer>;

/** A site as scheme and host, no port or path (`https://news.example`). */
const site = z.string().check(z.regex(/^https?:\/\/[^/:?#\s]+$/), z.maxLength(260));

/** The sites list and the density, for the popup's site settings. */
export const GetSiteSettingsRequest = z.object({ type: z.literal('getSiteSettings') });
export const SetDensityRequest = z.object({ type: z.literal('setDensity'), density: Density });
/** Switches the content script on or off for a site (curated or added). */
export const SetSiteEnabledRequest = z.object({
  type: z.literal('setSiteEnabled'),
  site,
  enabled: z.boolean(),
});
/** After the popup got the site's host permission from the user: run the content script there. */
export const AddSiteRequest = z.object({ type: z.literal('addSite'), site });

export const PopupToBackground = z.discriminatedUnion('type', [
  GetSiteSettingsRequest,
  SetDensityRequest,
  SetSiteEnabledRequest,
  AddSiteRequest,
  GetAlertsRequest,
  SetAlertsRequest,
  GetToolbarModeRequest,
  SetToolbarModeRequest,
  GetContextRequest,
  GetCoinHistoryRequest,
  PinCoinRequest,
  GetPinsRequest,
  UnpinCoinRequest,
  MovePinRequest,
  StepPinRequest,
  GetMarketRequest,
  GetStatusRequest,
  RefreshRequest,
  GetSignalSettingsRequest,
  SetSignalSettingsRequest,
  ResetSignalSettingsRequest,
  GetVenueSettingsRequest,
  SetVenueSettingsRequest,
  SetVenueEnabledRequest,
  GetCoinsRequest,
  WhyNoFiguresRequest,
]);
export type PopupToBackground = z.infer<typeof PopupToBackground>;

// ---- background → sender (answers) ----------------------------------------------------------

export const ContextsAnswer = z.object({ contexts: z.array(CoinContext) });
export type ContextsAnswer = z.infer<typeof ContextsAnswer>;
export const StatusAnswer = z.object({ venues: z.array(VenueHealth) });
export type StatusAnswer = z.infer<typeof StatusAnswer>;
export const RefreshAnswer = z.object({ polled: z.array(VenueId) });
export type RefreshAnswer = z.infer<typeof RefreshAnswer>;
export const PinsAnswer = z.object({ pins: z.array(coinId) });
export type PinsAnswer = z.infer<typeof PinsAnswer>;

/** One hour of summed open interest, over the venues named in `CoinHistory.oi.venues`. */
export const OiHistoryPoint = z.object({ time: z.number(), usd: z.number() });

/** Reported liquidations in one clock hour; `coveredMinutes` of its 60 were heard or reported. */
export const LiquidationBar = z.object({
  start: z.number(),
  longUsd: usd,
  shortUsd: usd,
  coveredMinutes: z.number(),
});
export type LiquidationBar = z.infer<typeof LiquidationBar>;

/** Funding over one 8-hour period: each venue's settlements as an 8h rate, weighted by OI. */
export const FundingHistoryPoint = z.object({ time: z.number(), rate8h: z.number() });

/**
 * A venue listing the coin that a history leaves out: it serves no such history, its history (our
 * own snapshots) starts later than the others', or none could be fetched yet.
 */
export const ExcludedVenue = z.object({
  venue: VenueId,
  reason: z.enum(['not-served', 'too-short', 'no-data']),
  /** Where the venue's own history starts ('too-short'), ms. */
  since: z.nullable(z.number()),
});
export type ExcludedVenue = z.infer<typeof ExcludedVenue>;

export const CoinHistory = z.object({
  coin: coinId,
  oi: z.object({
    points: z.array(OiHistoryPoint),
    /** Venues whose history the sum covers. */
    venues: z.array(VenueId),
    excluded: z.array(ExcludedVenue),
  }),
  liquidations: z.object({
    /** The last 24 clock hours, oldest first; the last one is the hour under way. */
    bars: z.array(LiquidationBar),
    /** When the streams started listening, ms; null when no stream has heard this coin's venues. */
    listeningSince: z.nullable(z.number()),
  }),
  funding: z.object({
    points: z.array(FundingHistoryPoint),
    venues: z.array(VenueId),
    excluded: z.array(ExcludedVenue),
  }),
  asOf: z.number(),
});
export type CoinHistory = z.infer<typeof CoinHistory>;
export const CoinHistoryAnswer = z.object({ history: CoinHistory });
export type CoinHistoryAnswer = z.infer<typeof CoinHistoryAnswer>;
export const PageSettingsAnswer = z.object({ enabled: z.boolean(), density: Density });
export type PageSettingsAnswer = z.infer<typeof PageSettingsAnswer>;

export const SiteEntry = z.object({ site, curated: z.boolean(), enabled: z.boolean() });
export const SiteSettingsAnswer = z.object({ density: Density, sites: z.array(SiteEntry) });
export type SiteSettingsAnswer = z.infer<typeof SiteSettingsAnswer>;

/** The thresholds in force (validated against src/core/settings.ts by the background). */
export const SignalSettingsAnswer = z.object({ settings: z.record(z.string(), z.unknown()) });
export type SignalSettingsAnswer = z.infer<typeof SignalSettingsAnswer>;
export const ErrorAnswer = z.object({ error: z.string() });
export type ErrorAnswer = z.infer<typeof ErrorAnswer>;
/** A refused form: the whole reason, and each field's own problem by its dotted path. */
export const FieldProblem = z.object({
  kind: z.enum(['max', 'min', 'integer', 'number', 'other']),
  limit: z.nullable(z.number()),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof FieldProblem>;
export const FieldErrorsAnswer = z.object({
  error: z.string(),
  fields: z.record(z.string(), FieldProblem),
});
export type FieldErrorsAnswer = z.infer<typeof FieldErrorsAnswer>;
export const VenueSettingsAnswer = z.object({ disabled: z.array(VenueId) });
export type VenueSettingsAnswer = z.infer<typeof VenueSettingsAnswer>;
export const CoinsAnswer = z.object({ coins: z.array(coinId) });
export type CoinsAnswer = z.infer<typeof CoinsAnswer>;
export const NoFiguresAnswer = z.object({ coins: z.array(NoFigures) });
export type NoFiguresAnswer = z.infer<typeof NoFiguresAnswer>;

// ---- background → content and popup (port pushes) -------------------------------------------

export const DataChangedPush = z.object({ type: z.literal('dataChanged'), asOf: z.number() });
export const BackgroundToClient = z.discriminatedUnion('type', [DataChangedPush]);
export type BackgroundToClient = z.infer<typeof BackgroundToClient>;
