// Signal thresholds: DESIGN.md's defaults, adjustable by the user within sensible ranges.
import { z } from 'zod';

const pct = (min: number, max: number) => z.number().finite().min(min).max(max);

export const SignalSettings = z.object({
  longFlush: z.object({
    /** 24h OI change at or below this (percent, negative). */
    oiChangePct: pct(-50, -0.5),
    longSharePct: pct(50, 100),
    /** 24h price change at or below this (percent, negative). */
    priceChangePct: pct(-50, -0.5),
  }),
  shortSqueeze: z.object({
    oiChangePct: pct(-50, -0.5),
    shortSharePct: pct(50, 100),
    priceChangePct: pct(0.5, 50),
  }),
  overheated: z.object({ oiPercentile: pct(50, 100), fundingAprPct: pct(1, 500) }),
  crowdedShorts: z.object({ oiPercentile: pct(50, 100), fundingAprPct: pct(-500, -1) }),
  spotLed: z.object({ priceChangePct: pct(0.5, 50), oiChangePct: pct(0, 20) }),
  /** Coins with less open interest than this get no signal: small markets are noise. */
  minOiUsd: z.number().finite().min(0).max(10_000_000_000),
  /** A liquidation share needs at least this much of its window covered. */
  minCoveredMinutes: z.number().int().min(15).max(1_440),
});
export type SignalSettings = z.infer<typeof SignalSettings>;

export const DEFAULT_SIGNAL_SETTINGS: SignalSettings = {
  longFlush: { oiChangePct: -7, longSharePct: 75, priceChangePct: -3 },
  shortSqueeze: { oiChangePct: -7, shortSharePct: 75, priceChangePct: 3 },
  overheated: { oiPercentile: 90, fundingAprPct: 20 },
  crowdedShorts: { oiPercentile: 90, fundingAprPct: -10 },
  spotLed: { priceChangePct: 3, oiChangePct: 2 },
  minOiUsd: 50_000_000,
  minCoveredMinutes: 60,
};

/** What is wrong with one field, as a form can say it in any language. */
export interface FieldProblem {
  kind: 'max' | 'min' | 'integer' | 'number' | 'other';
  /** The bound for `max` and `min`. */
  limit: number | null;
  /** zod's own words, for logs and the English summary. */
  message: string;
}

function fieldProblem(issue: z.core.$ZodIssue): FieldProblem {
  const { message } = issue;
  if (issue.code === 'too_big') return { kind: 'max', limit: Number(issue.maximum), message };
  if (issue.code === 'too_small') return { kind: 'min', limit: Number(issue.minimum), message };
  if (issue.code === 'invalid_type') {
    return { kind: issue.expected === 'int' ? 'integer' : 'number', limit: null, message };
  }
  return { kind: 'other', limit: null, message };
}

/** Settings from storage or a user: valid ones as they are, or every problem in plain words. */
export function parseSignalSettings(
  value: unknown,
):
  | { ok: true; settings: SignalSettings }
  | { ok: false; error: string; fields: Record<string, FieldProblem> } {
  const parsed = SignalSettings.safeParse(value);
  if (parsed.success) return { ok: true, settings: parsed.data };
  // Keyed by the field's dotted path ("longFlush.oiChangePct") so a form can show each by its input.
  const fields: Record<string, FieldProblem> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.length ? issue.path.join('.') : '(root)';
    fields[path] ??= fieldProblem(issue);
  }
  const problems = Object.entries(fields).map(([path, problem]) => `${path}: ${problem.message}`);
  return { ok: false, error: `invalid signal settings (${problems.join('; ')})`, fields };
}
