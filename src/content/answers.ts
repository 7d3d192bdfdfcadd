// The content script's checks of the background's answers, written by hand.
//
// Why not the zod schemas of src/messages.ts: importing them puts zod's core into the content
// script at page load (29.8 KB gzip with the chunk it shared with the background, against a
// budget of 15 KB), on every page the user reads. The content script reads only four answer
// shapes, so a small shape checker costs far less. zod stays the boundary in the background,
// which validates every message it receives and builds every answer from validated data; the
// unit test test/unit/content/answers.test.ts holds these shapes to the zod schemas.
import { type Density, isDensity } from '../core/page-settings';
import type { CoinContext } from '../messages';

type Shape =
  | 'number'
  | 'string'
  | 'boolean'
  | { nullable: Shape }
  | { arrayOf: Shape }
  | { recordOf: Shape }
  | { [field: string]: Shape };

const nullableNumber: Shape = { nullable: 'number' };

const liquidationWindow: Shape = {
  longUsd: nullableNumber,
  shortUsd: nullableNumber,
  count: nullableNumber,
  coveredMinutes: 'number',
};

const coinContext: Shape = {
  coin: 'string',
  price: { usd: nullableNumber, change24hPct: nullableNumber },
  oi: {
    usd: nullableNumber,
    change1hPct: nullableNumber,
    change24hPct: nullableNumber,
    percentile30d: nullableNumber,
    historyBasisPct: nullableNumber,
    byVenue: { arrayOf: { venue: 'string', usd: 'number', oneSided: 'boolean' } },
    toMarketCapPct: nullableNumber,
  },
  funding: { rate8h: nullableNumber, apr: nullableNumber },
  liquidations: { '1h': liquidationWindow, '4h': liquidationWindow, '24h': liquidationWindow },
  level: { nullable: 'string' },
  signals: {
    arrayOf: {
      id: 'string',
      explanation: 'string',
      inputs: { recordOf: nullableNumber },
      thresholds: { recordOf: 'number' },
      coveredMinutes: nullableNumber,
    },
  },
  missing: { arrayOf: 'string' },
  unavailableVenues: { arrayOf: 'string' },
  asOf: 'number',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function matches(value: unknown, shape: Shape): boolean {
  if (shape === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (shape === 'string') return typeof value === 'string';
  if (shape === 'boolean') return typeof value === 'boolean';
  if ('nullable' in shape) return value === null || matches(value, shape.nullable as Shape);
  if ('arrayOf' in shape)
    return Array.isArray(value) && value.every((item) => matches(item, shape.arrayOf as Shape));
  if ('recordOf' in shape)
    return (
      isRecord(value) && Object.values(value).every((v) => matches(v, shape.recordOf as Shape))
    );
  return isRecord(value) && Object.entries(shape).every(([key, sub]) => matches(value[key], sub));
}

/** The contexts in a `getContext` answer, or null when the answer has another shape. */
export function contextsOf(answer: unknown): CoinContext[] | null {
  if (!isRecord(answer) || !matches(answer.contexts, { arrayOf: coinContext })) return null;
  return answer.contexts as CoinContext[];
}

/** The pins in a `pinCoin` answer, or null. */
export function pinsOf(answer: unknown): string[] | null {
  if (!isRecord(answer) || !matches(answer.pins, { arrayOf: 'string' })) return null;
  return answer.pins as string[];
}

/** A `getPageSettings` answer, or null. */
export function pageSettingsOf(answer: unknown): { enabled: boolean; density: Density } | null {
  if (!isRecord(answer) || typeof answer.enabled !== 'boolean' || !isDensity(answer.density))
    return null;
  return { enabled: answer.enabled, density: answer.density };
}

/** Whether a port message is the background's "figures changed" push. */
export const isDataChanged = (message: unknown) =>
  isRecord(message) && message.type === 'dataChanged' && matches(message.asOf, 'number');
