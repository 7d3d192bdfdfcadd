// The badge at page load speaks the extension's UI language: English byte for byte as before,
// Chinese with the popup's figures (US$19.5亿), from the locales' own messages.
import { describe, expect, it } from 'vitest';
import { badgeWords } from '../../../src/core/badge-words';
import { english } from '../../../src/core/english';
import { numberFormats } from '../../../src/core/locale-format';
import { chinese } from './chinese-messages';

const OI = 1_949_998_132.5;

describe('badge words in English', () => {
  const words = badgeWords('en-US', english);
  it('shows the open interest compactly and says it to a screen reader', () => {
    expect(words('BTC', OI)).toEqual({ text: 'OI $1.95B', label: 'BTC open interest $1.95B' });
    expect(words('PEPE', 412_000_000).text).toBe('OI $412M');
  });
  it('shows a dash, never a zero, while the figure is not known', () => {
    expect(words('BTC', null)).toEqual({
      text: 'OI —',
      label: 'BTC: open interest not known yet',
    });
  });
});

describe('badge words in Simplified Chinese', () => {
  const words = badgeWords('zh-CN', chinese);
  it('formats the figure as the popup does and words the label in Chinese', () => {
    expect(words('BTC', OI)).toEqual({ text: '持仓量 US$19.5亿', label: 'BTC 持仓量 US$19.5亿' });
    expect(words('BTC', OI).text).toContain(numberFormats('zh-CN').usdCompact(OI));
    expect(words('ETH', 412_000_000).text).toBe('持仓量 US$4.12亿');
  });
  it('says in Chinese that the figure is not known yet', () => {
    expect(words('BTC', null)).toEqual({ text: '持仓量 —', label: 'BTC：持仓量暂未知' });
  });
});
