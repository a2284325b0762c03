// Bundles the extension and the command line with esbuild (type checking is `npm run typecheck`),
// and copies the native addon next to the bundles so the .vsix carries it.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, chmodSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
};

// A clean dist/: the .vsix takes all of it.
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
await build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync('dist/cli.js', 0o755);

const addon = 'native/build/Release/nsnative.node';
if (!existsSync(addon)) {
  console.error(`build: ${addon} is missing; run "npm run build:native" (needs python3, make, g++)`);
  process.exit(1);
}
copyFileSync(addon, 'dist/nsnative.node');
