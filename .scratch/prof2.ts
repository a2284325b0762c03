import { nativeAddon } from '../src/core/discovery/nativeAddon';
async function main() {
  const a = nativeAddon();
  let t = performance.now();
  for (let i = 0; i < 100; i++) a.netnsIds(`/run/netns/nsi-prof-${i}`, [`/run/netns/nsi-prof-${(i + 1) % 100}`, `/run/netns/nsi-prof-${(i + 99) % 100}`]);
  console.log('100 netnsIds', Math.round(performance.now() - t));
  t = performance.now();
  for (let i = 0; i < 100; i++) a.netnsIds(`/run/netns/nsi-prof-${i}`, []);
  console.log('100 netnsIds no targets', Math.round(performance.now() - t));
}
main();
