// The Simplified Chinese messages, looked up and filled as chrome.i18n.getMessage does in a
// Chinese browser: for testing what pure code says in Chinese.
import { readFileSync } from 'node:fs';
import { fillMessage, type MessageKey } from '../../../src/core/english';

const messages: Record<string, { message: string }> = JSON.parse(
  readFileSync(new URL('../../../public/_locales/zh_CN/messages.json', import.meta.url), 'utf8'),
);

export function chinese(key: MessageKey, ...substitutions: (string | number)[]): string {
  const entry = messages[key];
  if (!entry) throw new Error(`zh_CN has no ${key}`);
  return fillMessage(entry.message, substitutions.map(String));
}
