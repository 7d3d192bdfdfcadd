// A pin no enabled venue gives figures for: the background says why, from the venues' markets
// and the user's switches (the calm day lists its coins on Bybit only).
import { describe, expect, it } from 'vitest';
import type { ContextsAnswer, NoFiguresAnswer } from '../../src/messages';
import { bybit } from '../../src/venues/bybit';
import { hyperliquid } from '../../src/venues/hyperliquid';
import { useReplayServer } from './replay-fixture';
import { contentSender, createTestService, popupSender } from './service-fixture';

const replay = useReplayServer('calm');

describe('why a coin has no figures', () => {
  it('says not listed, listed only on a venue switched off, or markets not known yet', async () => {
    const { service, handle } = await createTestService({
      origin: replay().origin,
      venues: [bybit, hyperliquid],
    });
    const why = async (coins: string[]) =>
      ((await handle({ type: 'whyNoFigures', coins }, popupSender)) as NoFiguresAnswer).coins;

    // Before the first poll no venue's markets are known: nothing is claimed to be unlisted.
    expect(await why(['BTC'])).toEqual([
      { coin: 'BTC', reason: 'markets-unknown', venues: ['bybit', 'hyperliquid'] },
    ]);

    await service.pollDue();
    expect(await why(['ton'])).toEqual([{ coin: 'TON', reason: 'unlisted', venues: [] }]);

    await handle({ type: 'setVenueSettings', disabled: ['bybit'] }, popupSender);
    const { contexts } = (await handle(
      { type: 'getContext', coins: ['BTC'] },
      popupSender,
    )) as ContextsAnswer;
    expect(contexts).toEqual([]);
    expect(await why(['BTC', 'TON'])).toEqual([
      { coin: 'BTC', reason: 'venues-off', venues: ['bybit'] },
      { coin: 'TON', reason: 'unlisted', venues: [] },
    ]);
  });

  it('is for our own pages only', async () => {
    const { handle } = await createTestService({
      origin: replay().origin,
      venues: [bybit],
    });
    const answer = await handle({ type: 'whyNoFigures', coins: ['BTC'] }, contentSender);
    expect(answer).toMatchObject({ error: expect.stringContaining('invalid message') });
  });
});
