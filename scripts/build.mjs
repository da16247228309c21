// Bundles the extension client, the language server and the CLI with esbuild.
// Type-checking is a separate step (`npm run typecheck`); esbuild only strips types.
import { readdirSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

// The e2e suite runs inside VS Code: its entry plus one bundle per `*.e2e.ts` file.
const e2eEntries = [
  'test/e2e/index.ts',
  ...readdirSync('test/e2e')
    .filter((name) => name.endsWith('.e2e.ts'))
    .map((name) => `test/e2e/${name}`),
];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  // The LSP client is a bundle of its own, which extension.js requires with the first cable: it
  // is most of the client's code, and activation (Plain Text too) should not load it.
  esbuild.build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client/extension.js',
    external: ['vscode', './language-client.js', './import-cables.js'],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['client/src/language-client.ts'],
    outfile: 'dist/client/language-client.js',
    external: ['vscode'],
  }),
  // "Cable: Import Cables…" and the import module it runs, loaded when the command first runs.
  esbuild.build({
    ...common,
    entryPoints: ['client/src/import-cables.ts'],
    outfile: 'dist/client/import-cables.js',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/lsp/server.ts'],
    outfile: 'dist/server/server.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The workspace index's worker threads, beside the server (server/src/node/index-workers.ts).
  esbuild.build({
    ...common,
    entryPoints: ['server/src/node/index-worker.ts'],
    outfile: 'dist/server/index-worker.js',
  }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli/cable.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // `cable parse`'s worker threads, beside the CLI (server/src/cli/parse-workers.ts).
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/parse-worker.ts'],
    outfile: 'dist/cli/parse-worker.js',
  }),
  esbuild.build({
    ...common,
    entryPoints: e2eEntries,
    outdir: 'dist/test/e2e',
    external: ['vscode', 'mocha'],
  }),
]);
