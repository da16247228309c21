// Builds a synthetic workspace of N cables from the corpus, for the scale benchmarks: real texts
// (both renderings, alternating by copy), each copy with new serials so every cable has its own ID,
// and every REF entry that cites a cable rewritten to cite a cable of the workspace (the one it
// cited when that one is in the corpus, else one picked by a hash of the cited ID), so the REF
// graph is dense and resolvable. Files go to DIR/YYYY/MM/<ID>.txt|.cable, as in the Cablegate
// mirror. Prints figures; a sample of the written files is parsed back and checked.
//   npm run bench:make-workspace -- N DIR      (N: 1000, 10k, 100k, 250k; DIR outside the repo)
//   node --import tsx bench/make-workspace.ts N DIR [CORPUS_DIR]
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseCable, type CableModel, type Range } from '../server/src/model/cable-model.ts';

const root = resolve(__dirname, '..');
/** Written into DIR so a later run may replace what an earlier one made, and nothing else. */
const MARKER = '.cable-bench-workspace';
/** One written file in this many is parsed back and checked. */
const CHECK_EVERY = 97;

interface Edit {
  line: number;
  start: number;
  end: number;
  /** What replaces the range, from the slot's serial or the cited slot's citation. */
  kind: 'serial' | 'station-serial' | 'page-serial' | 'citation';
  width: number;
  /** For a citation: the ID the corpus text cited. */
  cited?: string;
}

interface Rendering {
  text: string;
  extension: 'txt' | 'cable';
  edits: Edit[];
}

/** A corpus cable that can stand in the workspace under new serials. */
interface Original {
  /** The ID the corpus text gives: citations of it are pointed at its copy. */
  id: string;
  /** The new ID is `prefix` + serial: the two-digit year and the post as IDs write it. */
  prefix: string;
  /** How a REF entry cites it (`08 LA PAZ`), when a parse of that citation gives the ID back. */
  citation?: string;
  folder: string;
  renderings: [Rendering, Rendering];
}

function parseSize(text: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)([kK]?)$/.exec(text ?? '');
  if (!m) usage(`N must be a number of cables such as 1000, 10k or 250k, not ${text ?? 'nothing'}`);
  return Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
}

function usage(message: string): never {
  process.stderr.write(`make-workspace: ${message}\nUsage: node --import tsx bench/make-workspace.ts N DIR [CORPUS_DIR]\n`);
  process.exit(2);
}

function offsetEdit(range: Range, kind: Edit['kind'], width: number, cited?: string): Edit {
  const edit: Edit = { line: range.start.line, start: range.start.character, end: range.end.character, kind, width };
  if (cited) edit.cited = cited;
  return edit;
}

/** The places a copy rewrites: the banner serial, the DE line's serial, page-break serials, cited cables. */
function editsOf(model: CableModel, lines: string[]): Edit[] {
  const edits: Edit[] = [];
  const serial = model.banner?.serial;
  if (serial) edits.push(offsetEdit(serial.range, 'serial', serial.text.length));
  const station = model.header?.originator?.serial;
  if (station)
    edits.push({ ...offsetEdit(station.range, 'station-serial', station.text.length - 1), start: station.range.start.character + 1 });
  for (const pageBreak of model.pageBreaks) {
    const line = lines[pageBreak.range.start.line]!;
    const at = line.indexOf(` ${pageBreak.serial} `, pageBreak.range.start.character) + 1;
    if (at > 0)
      edits.push({
        line: pageBreak.range.start.line,
        start: at,
        end: at + pageBreak.serial.length,
        kind: 'page-serial',
        width: pageBreak.serial.length,
      });
  }
  for (const entry of model.references?.entries ?? []) {
    if (entry.kind === 'cable' && entry.id && entry.citationRange && entry.citationRange.start.line === entry.citationRange.end.line) {
      edits.push(offsetEdit(entry.citationRange, 'citation', 0, entry.id));
    }
  }
  // Right to left within a line, so earlier columns stay valid.
  return edits.sort((a, b) => a.line - b.line || b.start - a.start);
}

function applyEdits(text: string, edits: Edit[], replacement: (edit: Edit) => string): string {
  if (edits.length === 0) return text;
  const lines = text.split('\n');
  for (const edit of edits) {
    const line = lines[edit.line]!;
    lines[edit.line] = line.slice(0, edit.start) + replacement(edit) + line.slice(edit.end);
  }
  return lines.join('\n');
}

const pad = (serial: number, width: number) => String(serial).padStart(width, '0');
const SENTINEL = 987654;

/** Reads one corpus cable in both renderings; undefined when no serial rewrite gives it a predictable ID. */
function readOriginal(corpus: string, id: string): Original | undefined {
  const plainText = readFileSync(join(corpus, 'plain', `${id}.txt`), 'utf8');
  const markdownPath = join(corpus, 'markdown-style', `${id}.cable`);
  const markdownText = existsSync(markdownPath) ? readFileSync(markdownPath, 'utf8') : plainText;
  const model = parseCable(plainText, { fileName: `${id}.txt` });
  if (!model.id || !model.banner?.serial) return undefined;
  const renderings = [
    { text: plainText, extension: 'txt' as const, edits: editsOf(model, plainText.split('\n')) },
    {
      text: markdownText,
      extension: 'cable' as const,
      edits: editsOf(parseCable(markdownText, { fileName: `${id}.cable` }), markdownText.split('\n')),
    },
  ] as [Rendering, Rendering];
  // A trial serial shows which part of the ID is the serial's, the rest is the prefix.
  const trialText = applyEdits(plainText, renderings[0].edits, (e) =>
    e.kind === 'citation' ? plainText.split('\n')[e.line]!.slice(e.start, e.end) : pad(SENTINEL, e.width),
  );
  const guess = model.id.replace(/\d+$/, '') + SENTINEL;
  const trial = parseCable(trialText, { fileName: `${guess}.txt` });
  if (!trial.id?.endsWith(String(SENTINEL))) return undefined;
  const prefix = trial.id.slice(0, -String(SENTINEL).length);
  const original: Original = { id: model.id, prefix, folder: folderOf(model), renderings };
  const post = model.banner.origin?.text;
  const citation = post && `${prefix.slice(0, 2)} ${post}`;
  if (
    citation &&
    parseCable(`REF: A. ${citation} ${SENTINEL}\n`, { year: 2000 + Number(prefix.slice(0, 2)) }).references?.entries[0]?.id === trial.id
  )
    original.citation = citation;
  return original;
}

function folderOf(model: CableModel): string {
  if (model.date) return join(model.date.slice(0, 4), model.date.slice(5, 7));
  return model.year !== undefined ? join(String(model.year), '00') : 'undated';
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function prepareDirectory(dir: string): void {
  const inRepo = !relative(root, dir).startsWith('..');
  if (inRepo) usage(`${dir} is inside the repository; write the workspace elsewhere (under /tmp)`);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, MARKER))) usage(`${dir} is not empty and was not made by make-workspace; choose another directory`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'Made by bench/make-workspace.ts; safe to delete.\n');
}

function main(): void {
  const count = parseSize(process.argv[2]);
  const dirArg = process.argv[3] ?? usage('no DIR given');
  const dir = resolve(dirArg);
  const shared = join(root, '..', 'shared', 'corpus', 'cablegate');
  const corpus = process.argv[4] ?? (existsSync(shared) ? shared : join(root, 'test', 'fixtures', 'corpus-sample'));
  const started = performance.now();

  const ids = readdirSync(join(corpus, 'plain'))
    .filter((n) => n.endsWith('.txt'))
    .map((n) => n.slice(0, -4))
    .sort();
  const pool = ids.map((id) => readOriginal(corpus, id)).filter((o): o is Original => o !== undefined);
  const byOriginalId = new Map(pool.map((o, i) => [o.id, i] as const));
  const targets = pool.flatMap((o, i) => (o.citation ? [i] : []));
  const groupSize = new Map<string, number>();
  const rank = pool.map((o) => {
    const n = groupSize.get(o.prefix) ?? 0;
    groupSize.set(o.prefix, n + 1);
    return n;
  });
  const size = pool.length;
  const serialOf = (slot: number) => Math.floor(slot / size) * groupSize.get(pool[slot % size]!.prefix)! + rank[slot % size]! + 1;
  const idOf = (slot: number) => pool[slot % size]!.prefix + serialOf(slot);

  /** The slot a citation in `slot` points to: the cited original's copy, else a hashed pick. */
  const citedSlot = (slot: number, cited: string): number => {
    const copy = Math.floor(slot / size);
    let original = byOriginalId.get(cited);
    if (original === undefined || !pool[original]!.citation) original = targets[hash(cited) % targets.length]!;
    for (let k = copy; k >= 0; k--) if (k * size + original < count) return k * size + original;
    return targets.filter((t) => t < count)[hash(cited) % Math.max(1, targets.filter((t) => t < count).length)] ?? slot;
  };

  prepareDirectory(dir);
  const madeFolders = new Set<string>();
  let bytes = 0;
  let citations = 0;
  const written: { file: string; slot: number }[] = [];
  for (let slot = 0; slot < count; slot++) {
    const original = pool[slot % size]!;
    const copy = Math.floor(slot / size);
    const rendering = original.renderings[copy % 2]!;
    const serial = serialOf(slot);
    const text = applyEdits(rendering.text, rendering.edits, (edit) => {
      if (edit.kind !== 'citation') return pad(serial, edit.width);
      citations++;
      const target = citedSlot(slot, edit.cited!);
      return `${pool[target % size]!.citation!} ${serialOf(target)}`;
    });
    const folder = join(dir, original.folder);
    if (!madeFolders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      madeFolders.add(folder);
    }
    const file = join(folder, `${idOf(slot)}.${rendering.extension}`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    if (slot % CHECK_EVERY === 0) written.push({ file, slot });
  }
  const seconds = (performance.now() - started) / 1000;

  // Parse a sample back: each file's ID is the one its name says, and its REF entries cite workspace cables.
  const allIds = new Set(Array.from({ length: count }, (_, slot) => idOf(slot)));
  let wrongIds = 0;
  let refs = 0;
  let resolved = 0;
  for (const { file, slot } of written) {
    const model = parseCable(readFileSync(file, 'utf8'), { fileName: file });
    if (model.id !== idOf(slot)) wrongIds++;
    for (const entry of model.references?.entries ?? []) {
      if (entry.kind !== 'cable') continue;
      refs++;
      if (entry.id && allIds.has(entry.id)) resolved++;
    }
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `${count.toLocaleString('en')} cables (${size} of ${ids.length} corpus cables usable, both renderings) in ${dir}: ${(bytes / 1e6).toFixed(0)} MB in ${madeFolders.size} folders, ${seconds.toFixed(1)} s`,
  );
  console.log(
    `${citations.toLocaleString('en')} REF citations pointed at workspace cables (${(citations / count).toFixed(2)} per cable); ${allIds.size === count ? 'every ID distinct' : `${count - allIds.size} duplicate IDs`}`,
  );
  console.log(
    `check of ${written.length} files parsed back: ${written.length - wrongIds} with the ID their name says; ${resolved}/${refs} cable REF entries resolve in the workspace`,
  );
}

main();
