// The popup's side of the hallway: every answer is parsed before the UI sees it.
import browser from 'webextension-polyfill';
import {
  type CoinContext,
  type CoinHistory,
  CoinHistoryAnswer,
  CoinsAnswer,
  ContextsAnswer,
  ErrorAnswer,
  FieldErrorsAnswer,
  type FieldProblem,
  MarketContext,
  type NoFigures,
  NoFiguresAnswer,
  PinsAnswer,
  type PopupToBackground,
  SignalSettingsAnswer,
  StatusAnswer,
  UPDATES_PORT,
  type VenueHealth,
  type VenueId,
  VenueSettingsAnswer,
} from '../messages';
import { type PinnedRow, pinnedRows, pinsWithoutFigures } from './pinned-rows';

/** The background refused a form: its reason, and each field's problem by dotted path. */
export class FieldErrors extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, FieldProblem>,
  ) {
    super(message);
  }
}

async function ask<T>(
  request: PopupToBackground,
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
) {
  const answer: unknown = await browser.runtime.sendMessage(request);
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data as T;
  const fieldErrors = FieldErrorsAnswer.safeParse(answer);
  if (fieldErrors.success) throw new FieldErrors(fieldErrors.data.error, fieldErrors.data.fields);
  const error = ErrorAnswer.safeParse(answer);
  throw new Error(
    error.success ? error.data.error : 'the background answered in an unexpected shape',
  );
}

export interface PopupData {
  market: MarketContext;
  /** The user's pinned coins, in the user's order; a pin without figures says why it has none. */
  pinned: PinnedRow[];
  pins: string[];
  /** The largest coins that are not pinned. */
  coins: CoinContext[];
  venues: VenueHealth[];
}

export async function loadPopupData(): Promise<PopupData> {
  const [market, status, { pins }] = await Promise.all([
    ask<MarketContext>({ type: 'getMarket' }, MarketContext),
    ask<StatusAnswer>({ type: 'getStatus' }, StatusAnswer),
    ask<PinsAnswer>({ type: 'getPins' }, PinsAnswer),
  ]);
  const { contexts } = await ask<ContextsAnswer>(
    { type: 'getContext', coins: [...pins, ...market.largestCoins] },
    ContextsAnswer,
  );
  const byCoin = new Map(contexts.map((context) => [context.coin, context]));
  const without = pinsWithoutFigures(pins, byCoin);
  // Asked only when a pin has no figures: the usual popup makes no extra round trip.
  const reasons = without.length > 0 ? await whyNoFigures(without) : [];
  return {
    market,
    pins,
    pinned: pinnedRows(pins, byCoin, reasons),
    coins: market.largestCoins
      .filter((coin) => !pins.includes(coin))
      .flatMap((coin) => byCoin.get(coin) ?? []),
    venues: status.venues,
  };
}

/** Why these coins have no figures (not listed, listed only on venues switched off, …). */
async function whyNoFigures(coins: string[]): Promise<NoFigures[]> {
  return (await ask<NoFiguresAnswer>({ type: 'whyNoFigures', coins }, NoFiguresAnswer)).coins;
}

/** One coin's figures, or why the background has none for it. */
export async function loadCoin(coin: string): Promise<CoinContext | NoFigures> {
  const { contexts } = await ask<ContextsAnswer>(
    { type: 'getContext', coins: [coin] },
    ContextsAnswer,
  );
  if (contexts[0]) return contexts[0];
  const [reason] = await whyNoFigures([coin]);
  if (!reason) throw new Error(`the background gave neither figures nor a reason for ${coin}`);
  return reason;
}

/** The coin's chart history: OI over 30 days, liquidations per hour, funding. */
export async function loadCoinHistory(coin: string): Promise<CoinHistory> {
  const { history } = await ask<CoinHistoryAnswer>(
    { type: 'getCoinHistory', coin },
    CoinHistoryAnswer,
  );
  return history;
}

/** Pins, unpins or reorders; throws with the background's reason when it refuses. */
export async function changePins(
  request: PopupToBackground & { type: 'pinCoin' | 'unpinCoin' | 'movePin' | 'stepPin' },
) {
  return ask<PinsAnswer>(request, PinsAnswer);
}

export async function requestRefresh(): Promise<void> {
  await browser.runtime.sendMessage({ type: 'refresh' } satisfies PopupToBackground);
}

/** Calls `onChange` whenever the background has new data; returns a function that stops it. */
export function onDataChanged(onChange: () => void): () => void {
  const port = browser.runtime.connect({ name: UPDATES_PORT });
  port.onMessage.addListener(onChange);
  return () => port.disconnect();
}

/** Every coin the enabled venues list, for the search. */
export async function listedCoins(): Promise<string[]> {
  return (await ask<CoinsAnswer>({ type: 'getCoins' }, CoinsAnswer)).coins;
}

/** Switches one venue on or off; answers the venues now off, or throws with the refusal. */
export async function setVenueEnabled(venue: VenueId, enabled: boolean): Promise<VenueId[]> {
  return (
    await ask<VenueSettingsAnswer>({ type: 'setVenueEnabled', venue, enabled }, VenueSettingsAnswer)
  ).disabled;
}

export type Thresholds = SignalSettingsAnswer['settings'];

export async function signalSettings(): Promise<Thresholds> {
  return (await ask<SignalSettingsAnswer>({ type: 'getSignalSettings' }, SignalSettingsAnswer))
    .settings;
}

/** Saves thresholds; throws FieldErrors naming each refused field. */
export async function setSignalSettings(settings: Thresholds): Promise<Thresholds> {
  return (
    await ask<SignalSettingsAnswer>({ type: 'setSignalSettings', settings }, SignalSettingsAnswer)
  ).settings;
}

export async function resetSignalSettings(): Promise<Thresholds> {
  return (await ask<SignalSettingsAnswer>({ type: 'resetSignalSettings' }, SignalSettingsAnswer))
    .settings;
}
