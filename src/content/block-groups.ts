// Watches a page's blocks a group at a time, so that a long page costs the browser a few hundred
// observed elements instead of one per paragraph: with one per paragraph, the browser's
// intersection checks on an article of 16,443 paragraphs took 31 ms at load and 5.3 s while
// scrolling through it (in groups: 3 ms and 0.4 s; `npm run bench`). A group is up to GROUP_SIZE blocks in a row in document order; only
// its first and last block are observed. When either comes within reach, the group is handed on
// block by block (each then watched on its own until it is read).

/**
 * How far outside the viewport a block counts as within reach: one viewport above, below and to
 * each side, so that badges are in place before the reader scrolls to them. The same margin
 * applies to scrolling boxes inside the page (scrollMargin).
 */
const REACH_MARGIN = '100%';

/** An IntersectionObserver that reports whether its targets are within reach. */
export const observeReach = (callback: IntersectionObserverCallback) =>
  new IntersectionObserver(callback, {
    rootMargin: REACH_MARGIN,
    // scrollMargin is newer than TypeScript's DOM types (Chromium 120, Firefox 141).
    scrollMargin: REACH_MARGIN,
  } as IntersectionObserverInit);

/** Blocks per group: small enough that a group of paragraphs spans about a screen or two. */
export const GROUP_SIZE = 32;

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Up to `size` consecutive items per group. */
export function inGroups<T>(items: readonly T[], size = GROUP_SIZE): T[][] {
  const groups: T[][] = [];
  for (let at = 0; at < items.length; at += size) groups.push(items.slice(at, at + size));
  return groups;
}

/**
 * Whether a group reaches further than the reach area is tall or wide. Such a group could have a
 * block on screen while neither end is within reach, so it is not watched by its ends. Empty boxes
 * (a hidden group) reach nowhere: the group waits until it is shown.
 */
export function outgrowsReach(first: Box, last: Box, reach: Box): boolean {
  const height = Math.max(first.bottom, last.bottom) - Math.min(first.top, last.top);
  const width = Math.max(first.right, last.right) - Math.min(first.left, last.left);
  return height > reach.bottom - reach.top || width > reach.right - reach.left;
}

interface Group {
  blocks: Element[];
  ends: Element[];
  boxes: Map<Element, Box>;
}

export interface BlockGroups {
  add(blocks: readonly Element[]): void;
  /** A block left the page: its group is handed on now, so its other blocks are not lost. */
  removed(block: Element): void;
  disconnect(): void;
}

export function watchBlockGroups(handOn: (blocks: readonly Element[]) => void): BlockGroups {
  const groupOfEnd = new Map<Element, Group>();
  const release = (group: Group) => {
    for (const end of group.ends) {
      groupOfEnd.delete(end);
      observer.unobserve(end);
    }
    handOn(group.blocks.filter((block) => block.isConnected));
  };
  const observer = observeReach((entries) => {
    const measured = new Set<Group>();
    let reach: Box | null = null;
    for (const { target, isIntersecting, boundingClientRect, rootBounds } of entries) {
      const group = groupOfEnd.get(target);
      if (!group) continue;
      if (isIntersecting || !target.isConnected) {
        release(group);
        continue;
      }
      group.boxes.set(target, boundingClientRect);
      reach = rootBounds ?? reach;
      measured.add(group);
    }
    if (!reach) return;
    for (const group of measured) {
      const [first, last = first] = group.ends as [Element, Element?];
      const firstBox = group.boxes.get(first);
      const lastBox = group.boxes.get(last);
      if (groupOfEnd.get(first) !== group || !firstBox || !lastBox) continue;
      if (outgrowsReach(firstBox, lastBox, reach)) release(group);
    }
  });
  return {
    add(blocks) {
      for (const members of inGroups(blocks)) {
        const first = members[0] as Element;
        const last = members[members.length - 1] as Element;
        const group: Group = {
          blocks: members,
          ends: first === last ? [first] : [first, last],
          boxes: new Map(),
        };
        for (const end of group.ends) {
          // A block already at the end of another group: that group goes on now.
          const earlier = groupOfEnd.get(end);
          if (earlier) release(earlier);
          groupOfEnd.set(end, group);
          observer.observe(end);
        }
      }
    },
    removed(block) {
      const group = groupOfEnd.get(block);
      if (group) release(group);
    },
    disconnect() {
      observer.disconnect();
      groupOfEnd.clear();
    },
  };
}
