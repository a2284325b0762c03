import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NsType } from '../../src/core/model/nsType';
import { presetsCoveredBy, syncPresetSelection } from '../../src/core/isolate/presetSelection';

const sel = (presets: string[], types: NsType[]) => ({ presets: new Set(presets), types: new Set(types) });
const plain = (s: { presets: ReadonlySet<string>; types: ReadonlySet<NsType> }) => ({ presets: [...s.presets].sort(), types: [...s.types].sort() });

test('UTS and PID ticked show the "UTS + PID" preset ticked (the picker\'s default)', () => {
  assert.deepEqual([...presetsCoveredBy(new Set<NsType>(['uts', 'pid']))], ['utsPid']);
  assert.deepEqual([...presetsCoveredBy(new Set<NsType>(['uts']))], []);
});

test('ticking a preset ticks its types; unticking it unticks them', () => {
  assert.deepEqual(plain(syncPresetSelection(sel([], ['uts']), sel(['network'], ['uts']))), { presets: ['network'], types: ['net', 'uts'] });
  assert.deepEqual(plain(syncPresetSelection(sel(['utsPid'], ['uts', 'pid']), sel([], ['uts', 'pid']))), { presets: [], types: [] });
});

test('unticking one type of a preset unticks the preset, not the other types', () => {
  assert.deepEqual(plain(syncPresetSelection(sel(['utsPid'], ['uts', 'pid']), sel(['utsPid'], ['uts']))), { presets: [], types: ['uts'] });
});

test('ticking every type ticks "Everything" too', () => {
  const all: NsType[] = ['mnt', 'uts', 'ipc', 'pid', 'net', 'user', 'cgroup', 'time'];
  assert.deepEqual(plain(syncPresetSelection(sel([], all.slice(1)), sel([], all))).presets, ['everything', 'network', 'utsPid']);
});
