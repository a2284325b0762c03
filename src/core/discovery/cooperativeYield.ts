import { setImmediate as nextTick } from 'node:timers/promises';

/**
 * Lets long synchronous work share the event loop: call `maybeYield()` often; it gives the loop a
 * turn once the current slice has run for `sliceMs`. Inside VS Code's shared extension host no
 * slice may block other extensions for long.
 */
export class CooperativeYield {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs = 10) {}

  async maybeYield(): Promise<void> {
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await nextTick();
    this.sliceStart = performance.now();
  }
}
