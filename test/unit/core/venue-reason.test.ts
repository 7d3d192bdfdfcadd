// The data-health reasons as the popup words them: English exactly as the sentences the status
// used to store (tests, the README and users' bug reports quote them), and Chinese around the
// venue's own technical detail.
import { describe, expect, it } from 'vitest';
import { english } from '../../../src/core/english';
import {
  describeHistoryTrouble,
  describeProblem,
  describeStreamReason,
  describeVenueReason,
} from '../../../src/core/venue-reason';
import type { RequestProblem, StreamReason, VenueReason } from '../../../src/messages';
import { chinese } from './chinese-messages';

const http = (status: number, retryAfterSeconds: number | null = null): RequestProblem => ({
  code: 'http',
  status,
  retryAfterSeconds,
});

const VENUE_REASONS: Array<[VenueReason, string, string]> = [
  [http(429), 'rate limited (HTTP 429)', '请求过于频繁，已被限流（HTTP 429）'],
  [
    http(429, 30),
    'rate limited (HTTP 429, asked to retry after 30 s)',
    '请求过于频繁，已被限流（HTTP 429，交易所要求30秒后重试）',
  ],
  [http(418), 'IP banned for too many requests (HTTP 418)', '因请求过多，IP 已被封禁（HTTP 418）'],
  [http(451), 'not available from your region (HTTP 451)', '在你所在的地区无法使用（HTTP 451）'],
  [http(403), 'access refused (HTTP 403)', '访问被拒绝（HTTP 403）'],
  [
    http(403, 600),
    'access refused (HTTP 403, asked to retry after 600 s)',
    '访问被拒绝（HTTP 403，交易所要求600秒后重试）',
  ],
  [http(503), 'server error (HTTP 503)', '服务器错误（HTTP 503）'],
  [
    http(500, 5),
    'server error (HTTP 500, asked to retry after 5 s)',
    '服务器错误（HTTP 500，交易所要求5秒后重试）',
  ],
  [
    { code: 'malformed', detail: 'Unexpected end of JSON input' },
    'unreadable answer: Unexpected end of JSON input',
    '应答无法读取：Unexpected end of JSON input',
  ],
  [
    { code: 'schema', detail: 'result.list.0.lastPrice: expected string (BTCUSDT)' },
    'answer changed shape: result.list.0.lastPrice: expected string (BTCUSDT)',
    '应答格式已改变：result.list.0.lastPrice: expected string (BTCUSDT)',
  ],
  [
    { code: 'api-error', detail: '10001 params error' },
    'venue reported an error: 10001 params error',
    '交易所报告错误：10001 params error',
  ],
  [
    { code: 'network', detail: 'fetch failed' },
    'unreachable: fetch failed',
    '无法连接：fetch failed',
  ],
  [{ code: 'quiet', minutes: 4 }, 'no new data for 4 min', '已有4分钟没有新数据'],
];

describe('a venue’s reason', () => {
  it.each(VENUE_REASONS)('%j in English is “%s”', (reason, inEnglish) => {
    expect(describeVenueReason(reason, english)).toBe(inEnglish);
  });

  it.each(VENUE_REASONS)('%j in Chinese is “%3$s”', (reason, _, inChinese) => {
    expect(describeVenueReason(reason, chinese)).toBe(inChinese);
  });
});

const STREAM_REASONS: Array<[StreamReason, string, string]> = [
  [
    { code: 'connection-dropped' },
    'stream: connection dropped, reconnecting',
    '数据流：连接已断开，正在重连',
  ],
  [
    { code: 'connection-refused' },
    'stream: connection refused, retrying',
    '数据流：连接被拒绝，正在重试',
  ],
  [
    { code: 'frame', problem: { code: 'malformed', detail: 'Unexpected token' } },
    'stream: malformed: Unexpected token',
    '数据流：消息无法读取：Unexpected token',
  ],
  [
    { code: 'frame', problem: { code: 'schema', detail: 'data.0.side: invalid' } },
    'stream: schema: data.0.side: invalid',
    '数据流：消息格式已改变：data.0.side: invalid',
  ],
  [
    { code: 'frame', problem: { code: 'api-error', detail: '60012 Invalid request' } },
    'stream: api-error: 60012 Invalid request',
    '数据流：交易所报告错误：60012 Invalid request',
  ],
];

describe('a stream’s reason', () => {
  it.each(STREAM_REASONS)('%j in English is “%s”', (reason, inEnglish) => {
    expect(describeStreamReason(reason, english)).toBe(inEnglish);
  });

  it.each(STREAM_REASONS)('%j in Chinese is “%3$s”', (reason, _, inChinese) => {
    expect(describeStreamReason(reason, chinese)).toBe(inChinese);
  });
});

describe('history trouble', () => {
  const now = 1_786_000_000_000;
  const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;
  const trouble = { reason: http(429), failedAt: now - 60_000, lastSuccessAt: now - 5 * 60_000 };

  it('names the problem and when history last came in', () => {
    expect(describeHistoryTrouble(trouble, now, english, minutes)).toBe(
      'History: rate limited (HTTP 429) · last good 5 min ago',
    );
    expect(describeHistoryTrouble(trouble, now, chinese, minutes)).toBe(
      '历史数据：请求过于频繁，已被限流（HTTP 429） · 上次成功于5 min前',
    );
  });

  it('says no “last good” when history never came in', () => {
    const never = { ...trouble, lastSuccessAt: null };
    expect(describeHistoryTrouble(never, now, english, minutes)).toBe(
      'History: rate limited (HTTP 429)',
    );
  });

  it('words the same problem as the poll does', () => {
    const problem: RequestProblem = { code: 'schema', detail: '0.sumOpenInterestValue: x' };
    expect(describeHistoryTrouble({ ...trouble, reason: problem }, now, english, minutes)).toBe(
      `History: ${describeProblem(problem, english)} · last good 5 min ago`,
    );
  });
});
