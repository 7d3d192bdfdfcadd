// Detection quality: the detector scored on the labelled corpus in test/corpus/news.txt.
// A found mention is right when a labelled mention has the same coin, start and end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectMentions, type Mention } from '../../src/content/detector';

export interface CorpusParagraph {
  line: number;
  text: string;
  mentions: Mention[];
}

export interface DetectionError {
  kind: 'false positive' | 'miss';
  line: number;
  coin: string;
  text: string;
  context: string;
}

export interface DetectionResult {
  paragraphs: number;
  labelled: number;
  found: number;
  truePositives: number;
  falsePositives: number;
  misses: number;
  precision: number;
  recall: number;
  f1: number;
  /** Detector speed on the corpus repeated to about 1 MB. */
  msPerMB: number;
  errors: DetectionError[];
}

const CORPUS = join(import.meta.dirname, '..', 'corpus', 'news.txt');
const MARK = /\[\[(.+?)\|([A-Z0-9]+)\]\]/g;

/** Reads the corpus: one paragraph a line, mentions marked [[text|COIN]], "\n" a line break. */
export function readCorpus(path = CORPUS): CorpusParagraph[] {
  const paragraphs: CorpusParagraph[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      if (!raw.trim() || raw.startsWith('#')) return;
      const source = raw.replaceAll('\\n', '\n');
      let text = '';
      let last = 0;
      const mentions: Mention[] = [];
      for (const match of source.matchAll(MARK)) {
        text += source.slice(last, match.index);
        const surface = match[1] ?? '';
        mentions.push({
          coin: match[2] ?? '',
          start: text.length,
          end: text.length + surface.length,
          text: surface,
        });
        text += surface;
        last = match.index + match[0].length;
      }
      text += source.slice(last);
      paragraphs.push({ line: index + 1, text, mentions });
    });
  return paragraphs;
}

const key = (mention: Mention) => `${mention.coin}:${mention.start}:${mention.end}`;
const around = (text: string, mention: Mention) =>
  `${text.slice(Math.max(0, mention.start - 30), mention.start)}[${mention.text}]${text.slice(mention.end, mention.end + 30)}`.replaceAll(
    '\n',
    ' ',
  );

export function scoreDetection(paragraphs = readCorpus()): DetectionResult {
  let labelled = 0;
  let found = 0;
  let truePositives = 0;
  const errors: DetectionError[] = [];
  for (const paragraph of paragraphs) {
    const detected = detectMentions(paragraph.text);
    const expected = new Set(paragraph.mentions.map(key));
    const got = new Set(detected.map(key));
    labelled += expected.size;
    found += detected.length;
    for (const mention of detected) {
      if (expected.has(key(mention))) truePositives++;
      else {
        const context = around(paragraph.text, mention);
        errors.push({
          kind: 'false positive',
          line: paragraph.line,
          coin: mention.coin,
          text: mention.text,
          context,
        });
      }
    }
    for (const mention of paragraph.mentions) {
      if (got.has(key(mention))) continue;
      const context = around(paragraph.text, mention);
      errors.push({
        kind: 'miss',
        line: paragraph.line,
        coin: mention.coin,
        text: mention.text,
        context,
      });
    }
  }
  const precision = found ? truePositives / found : 1;
  const recall = labelled ? truePositives / labelled : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;

  const page = paragraphs.map((paragraph) => paragraph.text).join('\n');
  const big = page.repeat(Math.ceil(1_000_000 / page.length));
  detectMentions(big);
  const t0 = performance.now();
  const runs = 3;
  for (let i = 0; i < runs; i++) detectMentions(big);
  const msPerMB = (performance.now() - t0) / runs / (big.length / 1_000_000);

  return {
    paragraphs: paragraphs.length,
    labelled,
    found,
    truePositives,
    falsePositives: found - truePositives,
    misses: labelled - truePositives,
    precision,
    recall,
    f1,
    msPerMB,
    errors,
  };
}
