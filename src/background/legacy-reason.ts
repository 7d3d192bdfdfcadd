// Versions before structured reasons stored a venue's reason as an English sentence. Read back,
// the sentence is turned into the code and figures it was built from, so a venue blocked for
// hours keeps its reason (in the user's language now) instead of showing none until its next try.
import type { RequestProblem } from '../messages';

const HTTP = /\(HTTP (\d{3})(?:, asked to retry after (\d+(?:\.\d+)?) s)?\)$/;

const DETAIL_PREFIXES: ReadonlyArray<[string, Exclude<RequestProblem['code'], 'http'>]> = [
  ['unreadable answer: ', 'malformed'],
  ['answer changed shape: ', 'schema'],
  ['venue reported an error: ', 'api-error'],
  ['unreachable: ', 'network'],
];

/** The problem an old English reason described; null for a sentence we never wrote. */
export function problemFromSentence(sentence: string): RequestProblem | null {
  for (const [prefix, code] of DETAIL_PREFIXES) {
    if (sentence.startsWith(prefix)) return { code, detail: sentence.slice(prefix.length) };
  }
  const http = HTTP.exec(sentence);
  if (!http) return null;
  const retry = http[2];
  return {
    code: 'http',
    status: Number(http[1]),
    retryAfterSeconds: retry === undefined ? null : Number(retry),
  };
}
