import type { Signal } from '../messages';

export const SIGNAL_NAMES: Record<Signal['id'], string> = {
  'long-flush': 'Long flush',
  'short-squeeze': 'Short squeeze',
  overheated: 'Overheated',
  'crowded-shorts': 'Crowded shorts',
  'spot-led': 'Spot-led',
};

/** Active signals, each with the sentence that explains it. */
export function SignalList({ signals, testId }: { signals: readonly Signal[]; testId?: string }) {
  if (signals.length === 0) return null;
  return (
    <ul class="signals" data-testid={testId}>
      {signals.map((signal) => (
        <li key={signal.id} data-signal={signal.id}>
          <strong class={`chip ${signal.id}`}>{SIGNAL_NAMES[signal.id]}</strong>{' '}
          {signal.explanation}
        </li>
      ))}
    </ul>
  );
}

/** Compact chips for a table row; the sentence is the chip's title. */
export function SignalChips({ signals }: { signals: readonly Signal[] }) {
  return (
    <>
      {signals.map((signal) => (
        <span
          key={signal.id}
          class={`chip ${signal.id}`}
          title={signal.explanation}
          data-signal={signal.id}
        >
          {SIGNAL_NAMES[signal.id]}
        </span>
      ))}
    </>
  );
}
