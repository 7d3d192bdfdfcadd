import { t } from '../i18n';
import type { Signal } from '../messages';
import { describeSignal, signalName } from '../words';

/** Active signals, each with the sentence that explains it. */
export function SignalList({ signals, testId }: { signals: readonly Signal[]; testId?: string }) {
  if (signals.length === 0) return null;
  return (
    <ul class="signals" data-testid={testId} aria-label={t('signalsLabel')}>
      {signals.map((signal) => (
        <li key={signal.id} data-signal={signal.id}>
          <strong class={`chip ${signal.id}`}>{signalName(signal.id)}</strong>{' '}
          {describeSignal(signal)}
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
          title={describeSignal(signal)}
          data-signal={signal.id}
        >
          {signalName(signal.id)}
        </span>
      ))}
    </>
  );
}
