// The layer check: fails when an import crosses the layers the wrong way. The server's layers,
// lowest first: data, model (the parse), workspace (index, search, detection), features (one
// file a feature), sources (the forms cables are downloaded in), service (the one way in), node (the Node host), lsp and cli (the two front
// ends); the client is the VS Code extension. Every import of server/src and client/src is
// checked against what its layer may import.
//   node scripts/check-layers.mjs [ROOT]     exit 1 and one line per crossing, else 0
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));

/** What each layer may import besides itself. */
const ALLOWED = {
  data: [],
  model: ['data'],
  workspace: ['model', 'data'],
  // Readers of the forms cables are downloaded in (pages, cables.csv, exports): text in, cable texts out.
  sources: ['model', 'data'],
  // Features read the workspace index's summaries of cables (IndexedCable) and its URI keys.
  features: ['model', 'data', 'workspace'],
  service: ['features', 'workspace', 'model', 'data'],
  // The Node host fulfils the service's host interface, and nothing else of the service.
  node: ['workspace', 'sources', 'model', 'data', 'service/host.ts'],
  lsp: ['service', 'node'],
  cli: ['service', 'node', 'sources'],
  client: [],
};

/**
 * Known crossings, each with its reason. The client detects `.txt` cables with the server's own
 * detector, so that the editor and the index never disagree on a file.
 */
const EXCEPTIONS = [
  { from: 'client', to: 'server/src/workspace/cable-detection.ts' },
  // "Cable: Import Cables…" runs the CLI's own import in the extension host, where its progress
  // notification and cancel button live; the offer to import recognises a page or cables.csv by
  // the readers' own tests.
  { from: 'client', to: 'server/src/node/import-cables.ts' },
  { from: 'client', to: 'server/src/sources/cables-csv.ts' },
  { from: 'client', to: 'server/src/sources/html-page.ts' },
];

/** The layer of a file under the root: `server/src/<layer>/…` or `client/src/…`. */
function layerOf(file) {
  const parts = relative(root, file).split(sep);
  if (parts[0] === 'client' && parts[1] === 'src') return 'client';
  if (parts[0] === 'server' && parts[1] === 'src' && parts.length > 3) return parts[2];
  return undefined;
}

function sourceFiles(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(?:ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT =
  /(?:^|[;\s])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[;\s])import\s*['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/gm;

const crossings = [];
for (const file of [...sourceFiles(join(root, 'server', 'src')), ...sourceFiles(join(root, 'client', 'src'))]) {
  const from = layerOf(file);
  if (!from) continue;
  if (!(from in ALLOWED)) {
    crossings.push(`${relative(root, file)}: server/src/${from} is not a known layer (${Object.keys(ALLOWED).join(', ')})`);
    continue;
  }
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier.startsWith('.')) continue; // a package
    const target = resolve(dirname(file), specifier);
    const to = layerOf(target);
    if (!to || to === from) continue; // package.json and the like, or the same layer
    const targetPath = relative(root, target).split(sep).join('/');
    const allowed = ALLOWED[from].some((layer) => layer === to || `${to}/${targetPath.split('/').slice(3).join('/')}` === layer);
    const excepted = EXCEPTIONS.some((e) => e.from === from && e.to === targetPath);
    if (!allowed && !excepted)
      crossings.push(
        `${relative(root, file)}: ${from} imports ${targetPath} (${to}); ${from} may import ${ALLOWED[from].join(', ') || 'no other layer'}`,
      );
  }
}

for (const crossing of crossings) console.error(`layer check: ${crossing}`);
console.log(
  `layer check: ${crossings.length === 0 ? 'every import goes down the layers' : `${crossings.length} imports cross the layers the wrong way`}`,
);
process.exit(crossings.length === 0 ? 0 : 1);
