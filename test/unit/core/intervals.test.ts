import { describe, expect, it } from 'vitest';
import {
  coveredMs,
  type Interval,
  intersectIntervals,
  mergeIntervals,
  pruneBefore,
} from '../../../src/core/intervals';

const iv = (from: number, to: number): Interval => ({ from, to });

/** Deeply frozen copies: any attempt to mutate them throws (test modules run in strict mode). */
const frozen = (intervals: Interval[]): readonly Interval[] =>
  Object.freeze(intervals.map((i) => Object.freeze({ ...i })));

// Listening intervals arrive out of order and overlap (restarts, reconnects): they must be
// normalised before anything is measured, or covered time is counted twice.
describe('mergeIntervals', () => {
  it('sorts unsorted input', () => {
    expect(mergeIntervals([iv(40, 50), iv(0, 10), iv(20, 30)])).toEqual([
      iv(0, 10),
      iv(20, 30),
      iv(40, 50),
    ]);
  });

  it('joins overlapping intervals, including one contained in another', () => {
    expect(mergeIntervals([iv(20, 30), iv(0, 10), iv(5, 12), iv(21, 25)])).toEqual([
      iv(0, 12),
      iv(20, 30),
    ]);
    expect(mergeIntervals([iv(0, 100), iv(10, 20), iv(90, 95)])).toEqual([iv(0, 100)]);
  });

  it('joins touching intervals ([0,10) and [10,20) make [0,20))', () => {
    expect(mergeIntervals([iv(10, 20), iv(0, 10), iv(20, 25)])).toEqual([iv(0, 25)]);
  });

  it('keeps a gap of 1 ms as two intervals', () => {
    expect(mergeIntervals([iv(0, 10), iv(11, 20)])).toEqual([iv(0, 10), iv(11, 20)]);
  });

  it('drops empty and inverted intervals, which never bridge a gap', () => {
    expect(mergeIntervals([])).toEqual([]);
    expect(mergeIntervals([iv(5, 5), iv(9, 3)])).toEqual([]);
    expect(mergeIntervals([iv(0, 10), iv(15, 15), iv(20, 30), iv(12, 11)])).toEqual([
      iv(0, 10),
      iv(20, 30),
    ]);
  });

  it('does not mutate its input, and its result shares no objects with it', () => {
    const input = frozen([iv(20, 30), iv(0, 10), iv(5, 25)]);
    const merged = mergeIntervals(input);
    expect(merged).toEqual([iv(0, 30)]);
    expect(input).toEqual([iv(20, 30), iv(0, 10), iv(5, 25)]);
    const single = frozen([iv(1, 2)]);
    const copy = mergeIntervals(single);
    expect(copy[0]).not.toBe(single[0]);
  });
});

// Coverage of a window is the time every venue was listening: the intersection of their lists.
describe('intersectIntervals', () => {
  it('keeps the overlapping parts of partial overlaps', () => {
    expect(intersectIntervals([iv(0, 10), iv(20, 30)], [iv(5, 25)])).toEqual([
      iv(5, 10),
      iv(20, 25),
    ]);
    expect(intersectIntervals([iv(5, 25)], [iv(0, 10), iv(20, 30)])).toEqual([
      iv(5, 10),
      iv(20, 25),
    ]);
  });

  it('is empty for disjoint or merely touching lists', () => {
    expect(intersectIntervals([iv(0, 10), iv(30, 40)], [iv(10, 30), iv(40, 50)])).toEqual([]);
    expect(intersectIntervals([iv(0, 10)], [])).toEqual([]);
    expect(intersectIntervals([], [iv(0, 10)])).toEqual([]);
  });

  it('clips many intervals to one that contains them, in either order', () => {
    const many = [iv(10, 20), iv(30, 40), iv(90, 110), iv(-5, 2)];
    const expected = [iv(0, 2), iv(10, 20), iv(30, 40), iv(90, 100)];
    expect(intersectIntervals([iv(0, 100)], many)).toEqual(expected);
    expect(intersectIntervals(many, [iv(0, 100)])).toEqual(expected);
  });

  it('merges each side first (unsorted, overlapping input)', () => {
    expect(intersectIntervals([iv(20, 30), iv(0, 15), iv(10, 22)], [iv(5, 25)])).toEqual([
      iv(5, 25),
    ]);
  });
});

// "covering the last 3h 12m": the covered part of a window, never more than the window.
describe('coveredMs', () => {
  const window = iv(100, 200);

  it('sums the covered parts of a partly covered window', () => {
    // 100–120, 150–160 and 190–200 lie in the window: 20 + 10 + 10.
    expect(coveredMs([iv(50, 120), iv(150, 160), iv(190, 250)], window)).toBe(40);
  });

  it('ignores intervals outside the window, including ones touching its edges', () => {
    expect(coveredMs([iv(0, 100), iv(200, 300)], window)).toBe(0);
    expect(coveredMs([iv(0, 50), iv(250, 300)], window)).toBe(0);
    expect(coveredMs([], window)).toBe(0);
  });

  it('is the whole window when an interval matches its edges exactly or spans it', () => {
    expect(coveredMs([iv(100, 200)], window)).toBe(100);
    expect(coveredMs([iv(0, 1000)], window)).toBe(100);
  });

  it('counts overlapping intervals once', () => {
    // 100–150 and 120–170 cover 100–170.
    expect(coveredMs([iv(100, 150), iv(120, 170), iv(130, 140)], window)).toBe(70);
  });
});

// Coverage is kept for the retention period only: older listening time is forgotten.
describe('pruneBefore', () => {
  it('drops intervals that ended before the cutoff and clips one spanning it', () => {
    expect(pruneBefore([iv(0, 10), iv(20, 30), iv(40, 50)], 25)).toEqual([iv(25, 30), iv(40, 50)]);
  });

  it('drops an interval ending exactly at the cutoff, keeps one starting there unchanged', () => {
    expect(pruneBefore([iv(0, 25), iv(25, 40)], 25)).toEqual([iv(25, 40)]);
  });

  it('keeps everything after the cutoff and drops everything before it', () => {
    expect(pruneBefore([iv(10, 20)], 5)).toEqual([iv(10, 20)]);
    expect(pruneBefore([iv(10, 20)], 50)).toEqual([]);
  });

  it('does not mutate its input', () => {
    const input = frozen([iv(0, 10), iv(20, 30)]);
    expect(pruneBefore(input, 25)).toEqual([iv(25, 30)]);
    expect(input).toEqual([iv(0, 10), iv(20, 30)]);
  });
});
