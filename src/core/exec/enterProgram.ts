// Where nsinspect-enter is: next to the bundle (dist/, the .vsix) or in the source tree's build.
import { accessSync, chmodSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

const FILE = 'nsinspect-enter';

export function enterProgram(): string | undefined {
  const found = [
    path.join(__dirname, FILE),
    path.join(__dirname, '..', '..', '..', 'native', 'build', 'Release', FILE),
    path.join(__dirname, '..', 'native', 'build', 'Release', FILE),
  ].find((candidate) => existsSync(candidate));
  if (!found) return undefined;
  try {
    accessSync(found, constants.X_OK);
  } catch {
    // An unpacked .vsix may have lost the mode bits.
    try {
      chmodSync(found, 0o755);
    } catch {
      return undefined;
    }
  }
  return found;
}
