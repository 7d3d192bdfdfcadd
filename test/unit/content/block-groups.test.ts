// The pure parts of watching blocks in groups: how a list is cut into groups, and when a group
// is too tall or wide to be watched by its two ends.
import { describe, expect, it } from 'vitest';
import { GROUP_SIZE, inGroups, outgrowsReach } from '../../../src/content/block-groups';

const box = (top: number, bottom: number, left = 0, right = 600) => ({ top, bottom, left, right });
/** A reach area of one 900-px screen with a screen's margin above and below. */
const reach = box(-900, 1800, -1280, 2560);

describe('inGroups', () => {
  it('cuts a list into runs of GROUP_SIZE in order, the last one shorter', () => {
    const items = Array.from({ length: GROUP_SIZE * 2 + 3 }, (_, index) => index);
    const groups = inGroups(items);
    expect(groups.map((group) => group.length)).toEqual([GROUP_SIZE, GROUP_SIZE, 3]);
    expect(groups.flat()).toEqual(items);
    expect(inGroups([])).toEqual([]);
  });
});

describe('outgrowsReach', () => {
  it('keeps a group that fits in the reach area, wherever it is', () => {
    expect(outgrowsReach(box(5000, 5040), box(7600, 7640), reach)).toBe(false);
  });

  it('gives up on a group taller than the reach area', () => {
    expect(outgrowsReach(box(5000, 5040), box(7700, 7740), reach)).toBe(true);
  });

  it('gives up on a row wider than the reach area (a horizontal carousel)', () => {
    expect(outgrowsReach(box(0, 40, 0, 300), box(0, 40, 3700, 4000), reach)).toBe(true);
  });

  it('keeps a hidden group, whose boxes are empty, until it is shown', () => {
    expect(outgrowsReach(box(0, 0, 0, 0), box(0, 0, 0, 0), reach)).toBe(false);
  });
});
