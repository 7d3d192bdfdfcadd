// What a badge says, in the extension's UI language: its figure formatted as the popup formats it
// (`OI $1.95B`, `持仓量 US$19.5亿`) and the label a screen reader announces. Only the one number
// format the badge needs: this runs at page load, where every byte counts.
import type { MessageKey } from './english';
import { COMPACT_USD, NOT_KNOWN } from './format';

/** Looks up a message and fills its `$1`… (the extension's i18n.getMessage in the browser). */
export type BadgeMessages = (key: MessageKey, ...substitutions: string[]) => string;

export interface BadgeWords {
  /** The text after the ticker: `OI $1.95B`, or `OI —` while the figure is not known. */
  text: string;
  /** The badge's accessible name. */
  label: string;
}

/** The badge's words in `locale` for a coin and its open interest (null: not known yet). */
export function badgeWords(locale: string, message: BadgeMessages) {
  const compactUsd = new Intl.NumberFormat(locale, COMPACT_USD);
  return (coin: string, oiUsd: number | null): BadgeWords => {
    if (oiUsd === null) {
      return { text: message('badgeOi', NOT_KNOWN), label: message('badgeLabelUnknown', coin) };
    }
    const oi = compactUsd.format(oiUsd);
    return { text: message('badgeOi', oi), label: message('badgeLabel', coin, oi) };
  };
}
