// `npm run test:unit`: every unit test file imported into one process. The unit tests are pure
// (parsers, models, argv builders); a process per file spent ~2 s each starting Node and
// transpiling the same sources again, over four fifths of the layer's time.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort()) await import(join(dir, file));
