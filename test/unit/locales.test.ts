import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;

const read = (locale: string): Messages =>
  JSON.parse(
    readFileSync(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'),
  );

const en = read('en');
const zh = read('zh_CN');

/** `$1`-style and named `$name$` placeholders a message uses. */
function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\$(\d|[A-Za-z_]\w*\$)/g)].map((match) => match[0]).sort();
}

describe('locales', () => {
  it('Simplified Chinese has exactly the English keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s uses the same placeholders in both languages', (key) => {
    expect(zh[key]?.message.length).toBeGreaterThan(0);
    expect(placeholdersOf(zh[key]?.message ?? '')).toEqual(placeholdersOf(en[key]?.message ?? ''));
  });

  it('keys are valid Chrome message names', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });
});
