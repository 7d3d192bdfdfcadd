// The card's chart asks for a coin's history. Loaded with the card, never at page load: the
// history is a large nested answer, checked here with the message module's zod/mini schema.
import { type CoinHistory, CoinHistoryAnswer, ErrorAnswer } from '../messages';
import { extension } from './extension-api';

export async function loadHistory(coin: string): Promise<CoinHistory> {
  const answer: unknown = await extension.runtime.sendMessage({ type: 'getCoinHistory', coin });
  const parsed = CoinHistoryAnswer.safeParse(answer);
  if (parsed.success) return parsed.data.history;
  const error = ErrorAnswer.safeParse(answer);
  throw new Error(error.success ? error.data.error : 'unexpected answer from the background');
}
