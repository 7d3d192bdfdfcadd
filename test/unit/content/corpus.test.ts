import { describe, expect, it } from 'vitest';
import { readCorpus, scoreDetection } from '../../bench/detection';

// The detector on the labelled corpus (test/corpus/news.txt): news paragraphs, all-caps
// headlines, exchange pages and trader posts, with many words that are tickers elsewhere.
describe('detection corpus', () => {
  const result = scoreDetection();
  const misses = result.errors
    .map((error) => `${error.kind} line ${error.line} ${error.coin}: ${error.context}`)
    .join('\n');

  it('holds at least 200 paragraphs with labelled mentions', () => {
    const paragraphs = readCorpus();
    expect(paragraphs.length).toBeGreaterThanOrEqual(200);
    for (const paragraph of paragraphs) {
      for (const mention of paragraph.mentions) {
        expect(paragraph.text.slice(mention.start, mention.end)).toBe(mention.text);
      }
    }
  });

  it('precision ≥ 0.98', () => {
    expect(result.precision, misses).toBeGreaterThanOrEqual(0.98);
  });

  it('recall ≥ 0.97', () => {
    expect(result.recall, misses).toBeGreaterThanOrEqual(0.97);
  });
});
