// The signal thresholds as a form. The background validates (src/core/settings.ts) and names
// every refused field; each error is shown by its input. Reset puts DESIGN.md's defaults back.
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../i18n';
import type { FieldProblem, Signal } from '../messages';
import { fmt, signalName } from '../words';
import {
  FieldErrors,
  resetSignalSettings,
  setSignalSettings,
  signalSettings,
  type Thresholds,
} from './api';
import { saveErrorText } from './save-error';

interface Field {
  path: string;
  label: MessageKey;
}

const GROUPS: Array<{ signal: Signal['id'] | null; fields: Field[] }> = [
  {
    signal: 'long-flush',
    fields: [
      { path: 'longFlush.oiChangePct', label: 'thOiChangeAtMost' },
      { path: 'longFlush.longSharePct', label: 'thLongShare' },
      { path: 'longFlush.priceChangePct', label: 'thPriceAtMost' },
    ],
  },
  {
    signal: 'short-squeeze',
    fields: [
      { path: 'shortSqueeze.oiChangePct', label: 'thOiChangeAtMost' },
      { path: 'shortSqueeze.shortSharePct', label: 'thShortShare' },
      { path: 'shortSqueeze.priceChangePct', label: 'thPriceAtLeast' },
    ],
  },
  {
    signal: 'overheated',
    fields: [
      { path: 'overheated.oiPercentile', label: 'thPercentile' },
      { path: 'overheated.fundingAprPct', label: 'thFundingAtLeast' },
    ],
  },
  {
    signal: 'crowded-shorts',
    fields: [
      { path: 'crowdedShorts.oiPercentile', label: 'thPercentile' },
      { path: 'crowdedShorts.fundingAprPct', label: 'thFundingAtMost' },
    ],
  },
  {
    signal: 'spot-led',
    fields: [
      { path: 'spotLed.priceChangePct', label: 'thPriceMove' },
      { path: 'spotLed.oiChangePct', label: 'thOiMove' },
    ],
  },
  {
    signal: null,
    fields: [
      { path: 'minOiUsd', label: 'thMinOi' },
      { path: 'minCoveredMinutes', label: 'thMinCoverage' },
    ],
  },
];

type Draft = Record<string, string>;

/** The background's verdict on a field, in the popup's language. */
function problemText(problem: FieldProblem): string {
  const limit = problem.limit === null ? '' : fmt.number(problem.limit);
  switch (problem.kind) {
    case 'max':
      return t('thFieldMax', limit);
    case 'min':
      return t('thFieldMin', limit);
    case 'integer':
      return t('thFieldInteger');
    case 'number':
      return t('thFieldNumber');
    case 'other':
      return t('thFieldError', problem.message);
  }
}

const inputId = (path: string) => `th-${path.replace('.', '-')}`;

function read(settings: Thresholds, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value as Record<string, unknown> | undefined)?.[key],
      settings,
    );
}

function toDraft(settings: Thresholds): Draft {
  const draft: Draft = {};
  for (const { path } of GROUPS.flatMap((group) => group.fields))
    draft[path] = String(read(settings, path) ?? '');
  return draft;
}

/** The draft as settings: every field a number (an empty or unreadable one is null, and refused). */
function fromDraft(draft: Draft): Thresholds {
  const settings: Record<string, unknown> = {};
  for (const [path, text] of Object.entries(draft)) {
    const number = text.trim() === '' ? null : Number(text);
    const value = number === null || Number.isNaN(number) ? null : number;
    const [group, key] = path.split('.');
    if (group && key) {
      const section = (settings[group] ?? {}) as Record<string, unknown>;
      section[key] = value;
      settings[group] = section;
    } else if (group) settings[group] = value;
  }
  return settings;
}

export function ThresholdSettings() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, FieldProblem>>({});
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    signalSettings().then(
      (settings) => setDraft(toDraft(settings)),
      (error: Error) => setNotice({ kind: 'error', text: saveErrorText(error.message) }),
    );
  }, []);

  if (draft === null) return null;

  const apply = async (save: () => Promise<Thresholds>, done: MessageKey) => {
    try {
      setDraft(toDraft(await save()));
      setErrors({});
      setNotice({ kind: 'ok', text: t(done) });
    } catch (error) {
      if (error instanceof FieldErrors) {
        setErrors(error.fields);
        setNotice({ kind: 'error', text: t('thRefused', Object.keys(error.fields).length) });
      } else setNotice({ kind: 'error', text: saveErrorText((error as Error).message) });
    }
  };

  return (
    <form
      class="thresholds"
      data-testid="thresholds"
      aria-labelledby="thresholds-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void apply(() => setSignalSettings(fromDraft(draft)), 'thSaved');
      }}
    >
      <h3 id="thresholds-heading">{t('thHeading')}</h3>
      {GROUPS.map((group) => (
        <fieldset key={group.signal ?? 'all'}>
          <legend>{group.signal ? signalName(group.signal) : t('thAllSignals')}</legend>
          {group.fields.map(({ path, label }) => {
            const error = errors[path];
            return (
              <div class="field" key={path}>
                <label for={inputId(path)}>{t(label)}</label>
                <input
                  id={inputId(path)}
                  type="number"
                  step="any"
                  inputMode="decimal"
                  value={draft[path]}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${inputId(path)}-error` : undefined}
                  onInput={(event) =>
                    setDraft({ ...draft, [path]: (event.target as HTMLInputElement).value })
                  }
                />
                {error && (
                  <span class="field-error" id={`${inputId(path)}-error`}>
                    {problemText(error)}
                  </span>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      <div class="actions">
        <button type="submit">{t('thSave')}</button>
        <button type="button" onClick={() => void apply(resetSignalSettings, 'thResetDone')}>
          {t('thReset')}
        </button>
      </div>
      {notice && (
        <p
          class={notice.kind === 'error' ? 'state error' : 'state'}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
    </form>
  );
}
