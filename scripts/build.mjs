// Bundles the extension and the command line with esbuild (type checking is `npm run typecheck`),
// copies the native addon next to the bundles so the .vsix carries it, and bundles the webviews'
// browser code (src/webview/<view>/main.ts) into media/webview/ with their styles and codicons.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, chmodSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
  // Started by sh, which re-runs the same file with node (line 2 is a no-op string to node):
  // - without NODE_EXTRA_CA_CERTS: the command line makes no TLS connections, and Node reads that
  //   bundle at start-up, eagerly (60 ms of the 90 ms start-up where it is set, measured);
  // - with a young generation that holds a whole discovery's short-lived objects: 2 scavenges
  //   instead of 12 and a full mark-compact (about 35 ms of pauses instead of 57, --trace-gc).
  banner: { js: '#!/bin/sh\n":" //; unset NODE_EXTRA_CA_CERTS; exec node --min-semi-space-size=16 "$0" "$@"' },
});
chmodSync('dist/cli.js', 0o755);

const addon = 'native/build/Release/nsnative.node';
if (!existsSync(addon)) {
  console.error(`build: ${addon} is missing; run "npm run build:native" (needs python3, make, g++)`);
  process.exit(1);
}
copyFileSync(addon, 'dist/nsnative.node');
// The program Open Shell runs to become no more than the target (native/nsinspect_enter.c).
copyFileSync('native/build/Release/nsinspect-enter', 'dist/nsinspect-enter');
chmodSync('dist/nsinspect-enter', 0o755);
// The script that keeps a Run terminal open after its program (src/core/exec/holdOpen.ts).
copyFileSync('src/core/exec/nsinspect-hold-open', 'dist/nsinspect-hold-open');

// Webviews: one browser bundle and one stylesheet per view (add a view here), the shared base
// stylesheet, and the codicon font. All of media/webview and media/codicons is generated.
const WEBVIEWS = ['idMaps', 'topology', 'inspect'];
rmSync('media/webview', { recursive: true, force: true });
rmSync('media/codicons', { recursive: true, force: true });
mkdirSync('media/webview', { recursive: true });
mkdirSync('media/codicons', { recursive: true });
for (const view of WEBVIEWS) {
  await build({
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: production ? false : 'inline',
    minify: production,
    logLevel: 'info',
    entryPoints: [`src/webview/${view}/main.ts`],
    outfile: `media/webview/${view}.js`,
  });
  copyFileSync(`src/webview/${view}/${view}.css`, `media/webview/${view}.css`);
}
copyFileSync('src/webview/shared/base.css', 'media/webview/base.css');
const codicons = dirname(createRequire(import.meta.url).resolve('@vscode/codicons/dist/codicon.css'));
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(join(codicons, file), `media/codicons/${file}`);
