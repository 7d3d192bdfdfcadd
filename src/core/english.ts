// The English messages (public/_locales/en/messages.json) for pure code that must speak English
// whatever the browser's language: the `explanation` kept in each signal for logs and tests. The
// same file t() reads in the browser, so each English sentence is written in one place only.
import messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/** `template` with `$1`… filled in order, `$$` read as `$`, as the browser's getMessage does. */
export function fillMessage(template: string, substitutions: readonly string[]): string {
  return template.replace(/\$(\$|\d)/g, (_, slot: string) =>
    slot === '$' ? '$' : (substitutions[Number(slot) - 1] ?? ''),
  );
}

/** The English message `key`, filled in. */
export const english = (key: MessageKey, ...substitutions: (string | number)[]): string =>
  fillMessage(messages[key].message, substitutions.map(String));
