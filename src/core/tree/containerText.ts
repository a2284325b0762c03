import type { ContainerRef } from '../model/container';

const HEX_ID = /^[0-9a-f]{64}$/;

/** Engine and short id ("docker 3f2a1b9c0d12"), or the name for engines that use names. */
export function containerText(container: ContainerRef): string {
  const id = HEX_ID.test(container.id) ? container.id.slice(0, 12) : container.id;
  return `${container.engine} ${id}`;
}
