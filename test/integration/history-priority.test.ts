// A chart a user opens must not wait behind the market's history backfill: on OKX (five
// requests per 2 s at our share) five coins' 30-day OI histories are 40 pages, 16 s of requests.
// The charted coin's pages go first, over the replay server, in real time.
import { describe, expect, it } from 'vitest';
import { okx } from '../../src/venues/okx';
import { useReplayServer } from './replay-fixture';
import { contentSender, createTestService, popupSender } from './service-fixture';
import { until } from './until';

const replay = useReplayServer('venue-okx');
const OI_HISTORY = '/api/v5/rubik/stat/contracts/open-interest-history';

describe('history requests by priority', () => {
  it('fetches the charted coin’s history before the rest of the backfill', async () => {
    /** The coin of each OI history page, in the order the requests left. */
    const pages: string[] = [];
    const { service, handle } = await createTestService({
      origin: replay().origin,
      venues: [okx],
      fetch: (url, init) => {
        const { pathname, searchParams } = new URL(url);
        if (pathname.endsWith(OI_HISTORY))
          pages.push(searchParams.get('instId')?.split('-')[0] ?? '');
        return fetch(url, init);
      },
    });
    await service.pollDue();
    // The popup's market view starts the backfill of every coin's history...
    await handle({ type: 'getMarket' }, popupSender);
    await until(() => pages.length > 0, { what: 'backfill started' });
    // ...and a reader then hovers PEPE, the last of them.
    const askedAt = pages.length;
    await handle({ type: 'getCoinHistory', coin: 'PEPE' }, contentSender);
    const answeredAt = pages.length;

    const pepe = pages.filter((coin) => coin === 'PEPE').length;
    expect(pepe).toBeGreaterThanOrEqual(8);
    // Between the ask and the answer, only PEPE's pages went out, but for the few that were
    // already granted when it was asked (at most the 2 s window's five). Without priorities,
    // 16 other pages went out in between: each window's room went to the backfill pages waiting.
    const others = pages.slice(askedAt, answeredAt).filter((coin) => coin !== 'PEPE');
    expect(others.length).toBeLessThanOrEqual(5);

    // Switching OKX off stops the rest of the backfill, so nothing outlives the test.
    await handle({ type: 'setVenueSettings', disabled: ['okx'] }, popupSender);
  }, 30_000);
});
