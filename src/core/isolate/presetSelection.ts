// The isolation picker's presets and types ticked together: a preset shows ticked exactly when
// all its types are, ticking a preset ticks its types, unticking it unticks them. Pure, so the
// picker (a VS Code quick pick) only maps its items to ids.
import type { NsType } from '../model/nsType';
import { PRESETS } from './isolationTypes';

export interface PresetSelection {
  presets: ReadonlySet<string>;
  types: ReadonlySet<NsType>;
}

/** The presets whose types are all ticked. */
export function presetsCoveredBy(types: ReadonlySet<NsType>): Set<string> {
  return new Set(PRESETS.filter((p) => p.types.every((t) => types.has(t))).map((p) => p.id));
}

/** What the picker shows after the user changed the ticks from `before` to `now`. */
export function syncPresetSelection(before: PresetSelection, now: PresetSelection): PresetSelection {
  const types = new Set(now.types);
  for (const preset of PRESETS) {
    const wasOn = before.presets.has(preset.id);
    const isOn = now.presets.has(preset.id);
    if (isOn && !wasOn) for (const t of preset.types) types.add(t);
    if (!isOn && wasOn && preset.types.every((t) => now.types.has(t))) for (const t of preset.types) types.delete(t);
  }
  return { presets: presetsCoveredBy(types), types };
}
