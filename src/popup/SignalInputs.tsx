// A signal in full: its sentence, and each input it read next to the threshold it was held to.

import { type MessageKey, t } from '../i18n';
import type { Signal } from '../messages';
import { describeSignal, fmt, signalName } from '../words';

const INPUT_LABELS: Record<string, MessageKey> = {
  oiChange24hPct: 'inputOiChange24hPct',
  longSharePct: 'inputLongSharePct',
  shortSharePct: 'inputShortSharePct',
  priceChange24hPct: 'inputPriceChange24hPct',
  liquidatedUsd: 'inputLiquidatedUsd',
  oiPercentile30d: 'inputOiPercentile30d',
  fundingAprPct: 'inputFundingAprPct',
};

/** How each rule compares an input with its threshold (src/core/signals.ts). */
const COMPARISONS: Record<Signal['id'], Record<string, string>> = {
  'long-flush': { oiChangePct: '≤', longSharePct: '≥', priceChangePct: '≤' },
  'short-squeeze': { oiChangePct: '≤', shortSharePct: '≥', priceChangePct: '≥' },
  overheated: { oiPercentile: '≥', fundingAprPct: '≥' },
  'crowded-shorts': { oiPercentile: '≥', fundingAprPct: '≤' },
  'spot-led': { priceChangePct: '|x| ≥', oiChangePct: '|x| ≤' },
};

/** Inputs carry their window in the name (`oiChange24hPct`); thresholds do not (`oiChangePct`). */
const thresholdKey = (input: string) => input.replace(/24h|30d/, '');

function formatInput(name: string, value: number | null): string {
  if (value === null) return '—';
  if (name.endsWith('Usd')) return fmt.usdCompact(value);
  if (name.startsWith('oiPercentile') || name.endsWith('SharePct')) return value.toFixed(0);
  return fmt.percent(value);
}

export function SignalInputs({ signal }: { signal: Signal }) {
  return (
    <li data-signal={signal.id}>
      <strong class={`chip ${signal.id}`}>{signalName(signal.id)}</strong> {describeSignal(signal)}
      <table class="inputs">
        <thead>
          <tr>
            <th scope="col">{t('detailInput')}</th>
            <th scope="col">{t('detailValue')}</th>
            <th scope="col">{t('detailThreshold')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(signal.inputs).map(([name, value]) => {
            const key = thresholdKey(name);
            const threshold = signal.thresholds[key];
            const label = INPUT_LABELS[name];
            return (
              <tr key={name} data-input={name}>
                <th scope="row">{label ? t(label) : name}</th>
                <td>{formatInput(name, value)}</td>
                <td>
                  {threshold === undefined
                    ? ''
                    : `${COMPARISONS[signal.id][key] ?? ''} ${formatInput(name, threshold)}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </li>
  );
}
