// The reach bookkeeping: blocks are watched while they have something to read, read only when the
// observer says they are within reach, read whole or only in their new parts, and no longer
// watched once read or gone.
import { describe, expect, it } from 'vitest';
import { createReach } from '../../../src/content/reach';

interface Block {
  name: string;
}

function setUp() {
  const watched = new Set<Block>();
  const ready: string[] = [];
  const reach = createReach<Block, string>({
    watch: (block) => watched.add(block),
    unwatch: (block) => watched.delete(block),
    ready: (block) => ready.push(block.name),
  });
  return { reach, watched, ready };
}

describe('reach', () => {
  it('reads a new block only once the observer says it is within reach', () => {
    const { reach, watched, ready } = setUp();
    const near = { name: 'near' };
    const far = { name: 'far' };
    reach.readWhole(near);
    reach.readWhole(far);
    expect([...watched]).toEqual([near, far]);
    expect(ready).toEqual([]);
    expect(reach.take(near)).toBeNull();

    reach.reached(near, true);
    reach.reached(far, false);
    expect(ready).toEqual(['near']);
    expect(reach.take(far)).toBeNull();
    expect(reach.take(near)).toEqual({ whole: true });
    // Read: no longer watched, nothing more to take.
    expect([...watched]).toEqual([far]);
    expect(reach.take(near)).toBeNull();

    reach.reached(far, true);
    expect(ready).toEqual(['near', 'far']);
    expect(reach.take(far)).toEqual({ whole: true });
    expect(watched.size).toBe(0);
  });

  it('does not read a block that left reach before its turn came', () => {
    const { reach } = setUp();
    const block = { name: 'block' };
    reach.readWhole(block);
    reach.reached(block, true);
    reach.reached(block, false);
    expect(reach.take(block)).toBeNull();
    reach.reached(block, true);
    expect(reach.take(block)).toEqual({ whole: true });
  });

  it('reads only the new parts of a block read before, once it is within reach again', () => {
    const { reach, watched, ready } = setUp();
    const block = { name: 'block' };
    reach.readWhole(block);
    reach.reached(block, true);
    reach.take(block);

    reach.readPart(block, 'added text');
    reach.readPart(block, 'added element');
    // Watched again; the observer's first report decides.
    expect([...watched]).toEqual([block]);
    expect(ready).toEqual(['block']);
    reach.reached(block, true);
    expect(ready).toEqual(['block', 'block']);
    expect(reach.take(block)).toEqual({ whole: false, parts: ['added text', 'added element'] });
  });

  it('says a watched block in reach is ready at once when more comes for it', () => {
    const { reach, ready } = setUp();
    const block = { name: 'block' };
    reach.readPart(block, 'one');
    reach.reached(block, true);
    reach.readPart(block, 'two');
    expect(ready).toEqual(['block', 'block']);
    expect(reach.take(block)).toEqual({ whole: false, parts: ['one', 'two'] });
  });

  it('lets a whole read cover the parts', () => {
    const { reach } = setUp();
    const block = { name: 'block' };
    reach.readPart(block, 'part');
    reach.readWhole(block);
    reach.readPart(block, 'later part');
    reach.reached(block, true);
    expect(reach.take(block)).toEqual({ whole: true });
  });

  it('forgets a block that left the page and ignores reports on blocks it does not watch', () => {
    const { reach, watched, ready } = setUp();
    const gone = { name: 'gone' };
    reach.readWhole(gone);
    reach.forget(gone);
    expect(watched.size).toBe(0);
    reach.reached(gone, true);
    reach.reached({ name: 'stranger' }, true);
    expect(ready).toEqual([]);
    expect(reach.take(gone)).toBeNull();
  });
});
