// The popup as a user meets it: search to pin, drag to reorder, venues on/off, thresholds,
// the cache drawn before the background answers, dark mode and Chinese, with screenshots.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { MarketContext } from '../../src/messages';
import { chromiumWithLocale, fontConfigWithChinese } from './chromium-locale';
import { type LaunchOptions, openPopup, saveScreenshot, stopServiceWorker } from './harness';
import { replayControl } from './replay-control';
import { useExtensionSession } from './session';

const replay = replayControl(inject('replayOrigin'));
const browser = useExtensionSession('test');

/** A fresh browser on the scenario, with its popup open once the market figure is drawn. */
async function start(scenario: string, options: Partial<LaunchOptions> = {}) {
  const session = await browser.launch(scenario, options);
  const popup = await openPopup(session);
  await popup.getByTestId('market-oi').waitFor({ timeout: 20_000 });
  return { session, popup };
}

const pinnedCoins = (popup: Page) =>
  popup
    .locator('[data-testid="pinned"] tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-coin')));

/**
 * Waits until the popup has saved the calm day's market OI (localStorage), as it does after each
 * answer: an answer from before the first poll is saved too, with no figure in it.
 */
const cacheWritten = (popup: Page) =>
  expect
    .poll(
      () =>
        popup.evaluate(
          () => JSON.parse(localStorage.getItem('popupCache') ?? 'null')?.data.market.oi.usd,
        ),
      { timeout: 15_000 },
    )
    .toBe(5_000_000_000);

const send = <T>(popup: Page, message: unknown) =>
  popup.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;

describe('popup', () => {
  it('search as you type pins a coin by name, with the combobox pattern and keyboard', async () => {
    const { popup } = await start('calm');
    expect(await popup.getByTestId('no-pins').isVisible()).toBe(true);
    const search = popup.getByRole('combobox', { name: 'Add a pin' });
    await search.fill('ether');
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    const options = popup.getByRole('option');
    expect(await options.first().getAttribute('data-coin')).toBe('ETH');
    expect(await search.getAttribute('aria-activedescendant')).toBe('pin-option-ETH');
    // Escape closes the list without pinning; an arrow opens it again.
    await search.press('Escape');
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    await search.press('ArrowDown');
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    await search.press('Enter');
    await expect.poll(() => pinnedCoins(popup), { timeout: 10_000 }).toEqual(['ETH']);
    expect(await search.inputValue()).toBe('');
    // A ticker prefix: the arrows move the active option down and back up.
    await search.fill('so');
    const second = await options.nth(1).getAttribute('data-coin');
    await search.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBe(`pin-option-${second}`);
    await search.press('ArrowUp');
    expect(await search.getAttribute('aria-activedescendant')).toBe('pin-option-SOL');
    await search.press('Enter');
    await expect.poll(() => pinnedCoins(popup)).toEqual(['ETH', 'SOL']);
    await saveScreenshot(popup, 'popup-search-pinned');
  });

  it('reorders pins by dragging a row onto another, a pin without a market among them', async () => {
    const { popup } = await start('calm');
    // The calm day lists its coins on Bybit only: no enabled venue has TON.
    for (const coin of ['BTC', 'TON', 'ETH', 'SOL']) await send(popup, { type: 'pinCoin', coin });
    await popup.reload();
    await expect
      .poll(() => pinnedCoins(popup), { timeout: 10_000 })
      .toEqual(['BTC', 'TON', 'ETH', 'SOL']);
    const row = (coin: string) => popup.locator(`[data-testid="pinned"] tr[data-coin="${coin}"]`);
    const note = (coin: string) => row(coin).getByTestId('no-figures').textContent();
    await expect
      .poll(() => note('TON'), { timeout: 10_000 })
      .toBe('No market on the enabled exchanges.');
    // Dashes for its figures, never zeros; the unpin button in the last cell.
    expect(await row('TON').locator('td').allTextContents()).toEqual(['—', '—', '—', '—', '✕']);
    // A screen reader hears the reason with the row.
    const describedBy = await row('TON').getAttribute('aria-describedby');
    expect(await popup.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'No market on the enabled exchanges.',
    );
    await saveScreenshot(popup, 'popup-pin-without-market');
    // Its detail says the same, rather than promising data that will not come.
    await row('TON').click();
    await expect
      .poll(() => popup.getByTestId('detail-no-figures').textContent(), { timeout: 10_000 })
      .toBe('No market on the enabled exchanges.');
    await popup.keyboard.press('Escape');
    await row('TON').waitFor();

    await row('SOL').dragTo(row('BTC'));
    await expect.poll(() => pinnedCoins(popup)).toEqual(['SOL', 'BTC', 'TON', 'ETH']);
    await row('SOL').dragTo(row('ETH'));
    await expect.poll(() => pinnedCoins(popup)).toEqual(['BTC', 'TON', 'ETH', 'SOL']);
    await row('TON').dragTo(row('BTC'));
    await expect.poll(() => pinnedCoins(popup)).toEqual(['TON', 'BTC', 'ETH', 'SOL']);
    // By keyboard too: Alt+Down moves it and it keeps the focus; Enter on ✕ unpins it.
    await row('TON').focus();
    await popup.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => pinnedCoins(popup)).toEqual(['BTC', 'TON', 'ETH', 'SOL']);
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-coin')))
      .toBe('TON');
    await popup.getByRole('button', { name: 'Unpin TON' }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => pinnedCoins(popup)).toEqual(['BTC', 'ETH', 'SOL']);
    expect(await send(popup, { type: 'getPins' })).toEqual({ pins: ['BTC', 'ETH', 'SOL'] });

    // With Bybit switched off, no enabled venue lists any of them: each says where it is listed.
    await popup.getByTestId('venue-switches').getByLabel('Bybit').uncheck();
    await expect
      .poll(() => note('BTC'), { timeout: 10_000 })
      .toBe('Listed only on Bybit, which is switched off.');
    expect(await pinnedCoins(popup)).toEqual(['BTC', 'ETH', 'SOL']);
    await row('BTC').scrollIntoViewIfNeeded();
    await saveScreenshot(popup, 'popup-pins-venue-off');
    await popup.getByTestId('venue-switches').getByLabel('Bybit').check();
    await expect.poll(() => row('BTC').getByTestId('no-figures').count()).toBe(0);
  });

  it('a venue switched off leaves every figure, and the status shows it off', async () => {
    const { popup } = await start('quiet-day');
    const market = () => send<MarketContext>(popup, { type: 'getMarket' });
    await expect.poll(async () => (await market()).oi.byVenue.length, { timeout: 20_000 }).toBe(6);
    const okxUsd = (await market()).oi.byVenue.find((share) => share.venue === 'okx')?.usd ?? 0;
    expect(okxUsd).toBeGreaterThan(0);
    const figure = popup.getByTestId('market-oi');
    await expect
      .poll(async () => Number(await figure.getAttribute('value')), { timeout: 20_000 })
      .toBeCloseTo((await market()).oi.usd ?? 0, -3);
    const before = Number(await figure.getAttribute('value'));

    await popup.getByTestId('venue-switches').getByLabel('OKX').uncheck();
    await expect
      .poll(async () => Number(await figure.getAttribute('value')), { timeout: 10_000 })
      .toBeCloseTo(before - okxUsd, -3);
    expect((await market()).oi.byVenue.map((share) => share.venue)).not.toContain('okx');
    expect(await popup.locator('[data-venue="okx"]').getAttribute('data-state')).toBe('off');
    expect(await popup.getByTestId('venues-off').textContent()).toContain('OKX');
    await saveScreenshot(popup, 'popup-venue-off');

    // Another popup (or browser) switches Gate off too: this popup's switches follow, and
    // switching OKX back on here keeps Gate off.
    const switches = popup.getByTestId('venue-switches');
    await send(popup, { type: 'setVenueSettings', disabled: ['okx', 'gate'] });
    await expect
      .poll(() => switches.getByLabel('Gate').isChecked(), { timeout: 10_000 })
      .toBe(false);
    await switches.getByLabel('OKX').check();
    await expect
      .poll(() => popup.locator('[data-venue="okx"]').getAttribute('data-state'))
      .not.toBe('off');
    expect(await send(popup, { type: 'getVenueSettings' })).toEqual({ disabled: ['gate'] });
    expect(await switches.getByLabel('Gate').isChecked()).toBe(false);
  });

  it('a bad threshold shows its field error; reset restores the defaults', async () => {
    const { popup } = await start('calm');
    const form = popup.getByTestId('thresholds');
    const oiChange = form.locator('#th-longFlush-oiChangePct');
    const coverage = form.locator('#th-minCoveredMinutes');
    await oiChange.waitFor();
    await oiChange.fill('5');
    await coverage.fill('120');
    await form.getByRole('button', { name: 'Save thresholds' }).click();
    await expect.poll(() => oiChange.getAttribute('aria-invalid')).toBe('true');
    const error = popup.locator('#th-longFlush-oiChangePct-error');
    expect(await error.textContent()).toBe('Too high: at most -0.5.');
    expect(await coverage.getAttribute('aria-invalid')).toBeNull();
    expect(await form.getByRole('alert').textContent()).toContain('1 field');
    await saveScreenshot(popup, 'popup-threshold-error');

    await oiChange.fill('-9');
    await form.getByRole('button', { name: 'Save thresholds' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Thresholds saved.');
    const saved = await send<{ settings: { minCoveredMinutes: number } }>(popup, {
      type: 'getSignalSettings',
    });
    expect(saved.settings.minCoveredMinutes).toBe(120);

    await form.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect.poll(() => oiChange.inputValue()).toBe('-7');
    expect(await coverage.inputValue()).toBe('60');
    expect(await form.locator('#th-longFlush-longSharePct').inputValue()).toBe('75');
  });

  it('opens from the cache, with its age, before the stopped background answers', async () => {
    const { session: opened, popup } = await start('calm');
    await cacheWritten(popup);
    await popup.close();
    await stopServiceWorker(opened);
    // Hold every message to the background until the test lets go: the figures must come first.
    await opened.context.addInitScript(() => {
      const held: Array<() => void> = [];
      let released = false;
      const original = chrome.runtime.sendMessage.bind(chrome.runtime) as (
        ...args: unknown[]
      ) => Promise<unknown>;
      Object.assign(window, {
        llRelease: () => {
          released = true;
          for (const go of held.splice(0)) go();
        },
      });
      // The callback form (webextension-polyfill) and the promise form (a plain call) both work.
      chrome.runtime.sendMessage = ((...args: unknown[]) => {
        const callback =
          typeof args.at(-1) === 'function' ? (args.pop() as (v: unknown) => void) : null;
        return new Promise((resolve) => {
          const go = () =>
            void original(...args).then((answer) => {
              callback?.(answer);
              resolve(answer);
            });
          if (released) go();
          else held.push(go);
        });
      }) as never;
    });
    const reopened = await openPopup(opened);
    const figure = reopened.getByTestId('market-oi');
    await figure.waitFor({ timeout: 5_000 });
    expect(await figure.getAttribute('value')).toBe('5000000000');
    expect(await reopened.getByTestId('cached').textContent()).toMatch(
      /^Saved figures from \d+ sec ago; updating…$/,
    );
    await saveScreenshot(reopened, 'popup-from-cache');
    await reopened.evaluate(() => (window as unknown as { llRelease(): void }).llRelease());
    await expect.poll(() => reopened.getByTestId('cached').count(), { timeout: 15_000 }).toBe(0);
    expect(await figure.getAttribute('value')).toBe('5000000000');
  });

  it('says so when the background cannot be reached, and keeps the cached figures', async () => {
    const { session: opened, popup } = await start('calm');
    await cacheWritten(popup);
    await popup.close();
    await opened.context.addInitScript(() => {
      chrome.runtime.sendMessage = (() => {
        throw new Error('Receiving end does not exist.');
      }) as never;
    });
    const reopened = await openPopup(opened);
    await reopened.getByTestId('error').waitFor({ timeout: 5_000 });
    expect(await reopened.getByTestId('error').textContent()).toContain(
      "Could not reach the extension's background: Receiving end does not exist.",
    );
    expect(await reopened.getByTestId('market-oi').getAttribute('value')).toBe('5000000000');
    await saveScreenshot(reopened, 'popup-background-unreachable');
  });

  it('says it is offline and shows the figures with their age', async () => {
    const { popup } = await start('calm');
    await popup.context().setOffline(true);
    await popup.getByTestId('offline').waitFor({ timeout: 5_000 });
    expect(await popup.getByTestId('offline').textContent()).toMatch(
      /You are offline\.Showing the saved figures from \d+ sec ago\./,
    );
    await popup.context().setOffline(false);
  });
});

describe('popup when every venue fails', () => {
  it('says every exchange fails, and shows the last figures with their age', async () => {
    const { popup } = await start('calm');
    await send(popup, {
      type: 'setVenueSettings',
      disabled: ['binance', 'okx', 'hyperliquid', 'bitget', 'gate'],
    });
    // The last venue on cannot be switched off: its switch says why and stays on.
    const switches = popup.getByTestId('venue-switches');
    const bybitSwitch = switches.getByLabel('Bybit');
    await expect
      .poll(() => switches.getByLabel('OKX').isChecked(), { timeout: 10_000 })
      .toBe(false);
    // A click, not uncheck(): Playwright's uncheck insists that the box ends up unchecked.
    await bybitSwitch.click();
    await expect
      .poll(() => switches.getByRole('alert').textContent())
      .toBe('At least one exchange must stay on.');
    expect(await bybitSwitch.isChecked()).toBe(true);
    await replay.setRestFault('bybit', '/v5/market/tickers', { status: 500 });
    // A manual refresh may ask a healthy venue again once 5 s have passed since its last poll.
    await popup.waitForTimeout(5_500);
    await popup.getByRole('button', { name: 'Refresh' }).click();
    const banner = popup.getByTestId('offline');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toMatch(
      /^Every exchange is failing to answer\.Showing the saved figures from \d+ sec ago\.$/,
    );
    expect(await popup.getByTestId('market-oi').getAttribute('value')).toBe('5000000000');
    expect(await popup.locator('[data-venue="bybit"]').getAttribute('data-state')).toBe('failing');
    await saveScreenshot(popup, 'popup-every-venue-failing');
    await replay.setRestFault('bybit', '/v5/market/tickers', null);
  });
});

describe('popup appearance', () => {
  const background = (popup: Page) =>
    popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const textColour = (popup: Page) => popup.evaluate(() => getComputedStyle(document.body).color);

  it('light and dark follow prefers-color-scheme, with different colours', async () => {
    const light = await start('calm', { colorScheme: 'light' });
    await saveScreenshot(light.popup, 'popup-light');
    const lightColours = [await background(light.popup), await textColour(light.popup)];
    const dark = await start('calm', { colorScheme: 'dark' });
    await saveScreenshot(dark.popup, 'popup-dark');
    const darkColours = [await background(dark.popup), await textColour(dark.popup)];
    expect(lightColours).toEqual(['rgb(255, 255, 255)', 'rgb(15, 23, 42)']);
    expect(darkColours).toEqual(['rgb(15, 23, 42)', 'rgb(226, 232, 240)']);
  });

  it('speaks Simplified Chinese when the browser does', async () => {
    const { popup } = await start('calm', {
      executablePath: chromiumWithLocale('zh-CN'),
      env: { FONTCONFIG_FILE: fontConfigWithChinese() },
      uiLanguage: 'zh_CN',
      locale: 'zh-CN',
    });
    expect(await popup.evaluate(() => chrome.i18n.getUILanguage())).toBe('zh-CN');
    expect(await popup.getByRole('button', { name: '刷新' }).count()).toBe(1);
    const text = (await popup.locator('main').textContent()) ?? '';
    for (const phrase of ['持仓量', '置顶', '数据源', '资金费率', '信号阈值', '多头清洗']) {
      expect(text).toContain(phrase);
    }
    expect(text).not.toContain('Open interest');
    expect(text).not.toContain('Data sources');
    expect(await popup.getByTestId('market-age').textContent()).toMatch(/\d+秒前更新/);
    expect(await popup.getByTestId('market-oi').textContent()).toBe('US$50亿');
    await saveScreenshot(popup, 'popup-zh-CN');
    // The background's verdict on a field is said in Chinese too.
    await popup.locator('#th-longFlush-oiChangePct').fill('5');
    await popup.getByRole('button', { name: '保存阈值' }).click();
    await expect
      .poll(() => popup.locator('#th-longFlush-oiChangePct-error').textContent())
      .toBe('数值过大：最大为 -0.5。');
    await saveScreenshot(popup, 'popup-zh-CN-threshold-error');
  });
});
