// Numbers and lists in the browser's language (the same language t() speaks).
import { fmt, language } from '../words';

export { fmt };

const conjunction = new Intl.ListFormat(language, { type: 'conjunction' });

/** "a, b, and c" in English, "a、b和c" in Chinese. */
export const listOf = (items: readonly string[]) => conjunction.format(items);
