import { setImmediate as nextTick } from 'node:timers/promises';

/**
 * Lets long synchronous work share the event loop. Loops call `if (yielder.due()) await
 * yielder.yield()` between items: `due()` is a cheap clock check, so no promise is made per item,
 * and the loop gives the event loop a turn once the current slice has run for `sliceMs`. Inside
 * VS Code's shared extension host no slice may block other extensions for long.
 */
export class CooperativeYield {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs = 10) {}

  due(): boolean {
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  async yield(): Promise<void> {
    await nextTick();
    this.sliceStart = performance.now();
  }
}
