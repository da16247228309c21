// The query language at 250,000 cables, in process: a synthetic workspace made from the corpus's
// front matter (banner, TAGS, subject) with new serials, dates spread over each year, and REF
// lists citing cables of the workspace and, one citation in five, cables that are not in it.
// Times the queries the Cables view and `cable search` send (limit 200, grouped as the view
// groups), by kind. Prints figures; never passes or fails.
//   npm run bench:query                  (250,000 cables)
//   node --expose-gc --import tsx bench/cable-query.ts [COUNT] [CORPUS_PLAIN_DIR]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseCable } from '../server/src/model/cable-model.ts';
import type { Workspace } from '../server/src/service/language-service.ts';
import { WorkspaceIndex } from '../server/src/workspace/workspace-index.ts';
import { runCableQuery, type GroupBy } from '../server/src/workspace/cable-query.ts';
import { citationNeighbourhood } from '../server/src/workspace/citation-neighbourhood.ts';
import { missingCables } from '../server/src/workspace/missing-cables.ts';
import { summarizeFile } from '../server/src/workspace/indexed-cable.ts';
import { searchTerms } from '../server/src/workspace/search-index.ts';
import { spread } from './queries.ts';

const root = join(__dirname, '..');
const shared = join(root, '..', 'shared', 'corpus', 'cablegate', 'plain');
const count = Number((process.argv[2] ?? '250000').replace(/k$/i, '000'));
const corpusDir = process.argv[3] ?? (existsSync(shared) ? shared : join(root, 'test', 'fixtures', 'corpus-sample', 'plain'));
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function report(name: string, times: number[], note = ''): void {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(44)} n=${String(sorted.length).padStart(4)}  p50 ${percentile(sorted, 50).toFixed(2).padStart(6)} ms  p99 ${percentile(sorted, 99).toFixed(2).padStart(6)} ms  max ${sorted.at(-1)!.toFixed(2).padStart(6)} ms${note}`,
  );
}

interface Slot {
  id: string;
  year: number;
  origin: string;
  serial: number;
}

/** `count` cables cycling through the corpus's front matter; serials rise with the date within each post and year. */
function syntheticWorkspace(files: string[]): { workspace: Workspace; slots: Slot[]; tags: string[]; words: string[]; texts: string[] } {
  const models = files.map((file) => parseCable(readFileSync(file, 'utf8'), { fileName: file })).filter((m) => m.banner?.origin && m.year);
  const slots: Slot[] = [];
  const texts: string[] = [];
  const serials = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const m = models[i % models.length]!;
    const origin = m.banner!.origin!.text;
    const year = m.year!;
    const key = `${year}${origin}`;
    const serial = (serials.get(key) ?? 0) + 1 + (i % 3);
    serials.set(key, serial);
    slots.push({ id: `${String(year % 100).padStart(2, '0')}${origin.replace(/ /g, '')}${serial}`, year, origin, serial });
  }
  // Dates rise with the serial within a post and year: the i-th serial of S falls on day ⌈365 i / S⌉.
  for (let i = 0; i < count; i++) {
    const m = models[i % models.length]!;
    const slot = slots[i]!;
    const day = Math.floor((slot.serial / (serials.get(`${slot.year}${slot.origin}`)! + 1)) * 360);
    const month = Math.min(11, Math.floor(day / 30));
    const yy = String(slot.year % 100).padStart(2, '0');
    const refs = [1, 7, 31].map((step, k) => {
      const cited = slots[(i + step * 7919) % count]!;
      // One citation in five is of a cable the workspace does not hold.
      const serial = (i + k) % 5 === 0 ? cited.serial + 500000 : cited.serial;
      return `${'ABC'[k]}. ${cited.year} ${cited.origin} ${serial}`;
    });
    texts.push(
      `P ${String((day % 28) + 1).padStart(2, '0')}1427Z ${MONTHS[month]} ${yy}\nFM AMEMBASSY ${slot.origin}\n\n${m.banner!.classification.level} ${slot.origin} ${slot.serial}\n\n` +
        `TAGS: ${(m.tags?.codes ?? []).map((c) => c.code).join(' ')}\nSUBJECT: ${m.subject?.text ?? 'NONE'}\n\nREF: ${refs.join('\n')}\n\n1. (C) Text.\n`,
    );
  }
  const uri = (i: number) => `file:///synthetic/${i}.cable`;
  const workspace: Workspace = {
    listFiles: async () => texts.map((_, i) => uri(i)),
    readFile: async (file) => texts[Number(/(\d+)\.cable$/.exec(file)![1])]!,
    stat: async (file) => ({ size: texts[Number(/(\d+)\.cable$/.exec(file)![1])]!.length, mtime: 1 }),
  };
  const tags = [...new Set(models.flatMap((m) => (m.tags?.codes ?? []).map((c) => c.code)))];
  const words = models.flatMap((m) => searchTerms(m.subject?.text ?? '').slice(0, 2));
  return { workspace, slots, tags, words, texts };
}

async function main(): Promise<void> {
  const files = readdirSync(corpusDir)
    .filter((name) => /\.(txt|cable)$/.test(name))
    .map((name) => join(corpusDir, name));
  const { workspace, slots, tags, words, texts } = syntheticWorkspace(files);
  const index = new WorkspaceIndex(workspace, { info() {}, warn() {}, error() {} }, { concurrency: 64 });
  index.setFolders([{ uri: 'file:///synthetic' }]);
  const started = performance.now();
  await index.ensureIndexed();
  console.log(
    `${index.size.toLocaleString('en')} synthetic cables indexed in process in ${((performance.now() - started) / 1000).toFixed(1)} s; node ${process.version}`,
  );

  const coldStart = performance.now();
  const missing = missingCables(index);
  const cold = performance.now() - coldStart;
  console.log(`missing cables found and dated once per index version: ${missing.length.toLocaleString('en')} in ${cold.toFixed(0)} ms`);

  const years = [...new Set(slots.map((s) => s.year))].sort();
  const origins = [...new Set(slots.map((s) => s.origin))];
  const ids = spread(slots, 40).map((s) => s.id);
  const kinds: Record<string, string[]> = {
    'everything (the view opening)': [''],
    'tag:': spread(tags, 40).map((t) => `tag:${t}`),
    'origin:': spread(origins, 40).map((o) => `origin:"${o}"`),
    'year: and from:/to:': [...years.map((y) => `year:${y}`), ...years.map((y) => `from:${y}-03 to:${y}-08-15`)],
    'class: and class>=': ['class:SECRET', 'class>=CONFIDENTIAL', 'class:NOFORN', 'class<SECRET', 'class:UNCLASSIFIED'],
    'cites: and citedby:': [...ids.map((id) => `cites:${id}`), ...ids.map((id) => `citedby:${id}`)],
    words: spread(words, 40).map((w) => w.toLowerCase()),
    combinations: spread(tags, 20).flatMap((t, i) => [
      `tag:${t} year:${years[i % years.length]}`,
      `tag:${t} class>=SECRET origin:"${origins[i % origins.length]}"`,
    ]),
    'missing: (dated list cached)': [
      'missing:',
      ...years.map((y) => `missing: year:${y}`),
      ...spread(origins, 10).map((o) => `missing: origin:"${o}"`),
    ],
  };
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${availableParallelism()} cores; each query with limit 200, grouped by year, origin and TAGS in turn`,
  );
  const all: number[] = [];
  const allCpu: number[] = [];
  for (const [kind, queries] of Object.entries(kinds)) {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let total = 0;
    for (const groupBy of ['year', 'origin', 'tag'] as GroupBy[]) {
      for (const query of queries) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        const answer = runCableQuery(index, query, { limit: 200, groupBy });
        times.push(performance.now() - start);
        const used = process.cpuUsage(cpu);
        cpuTimes.push((used.user + used.system) / 1000);
        if ('errors' in answer) throw new Error(`${query}: ${answer.errors[0]!.message}`);
        total += answer.total;
      }
    }
    all.push(...times);
    allCpu.push(...cpuTimes);
    report(kind, times, `  (${Math.round(total / times.length).toLocaleString('en')} matches on average)`);
    report('  the same, CPU time', cpuTimes);
  }
  report('all queries', all);
  report('  the same, CPU time', allCpu);
  const graphs: number[] = [];
  for (const id of ids) {
    for (const hops of [1, 2, 3]) {
      const start = performance.now();
      citationNeighbourhood(index, id, hops);
      graphs.push(performance.now() - start);
    }
  }
  report('citation neighbourhood, 1-3 hops (cut at 150)', graphs);

  // An open document edited, as a user types: each edit is a new index version, and the view queries again.
  const edits: number[] = [];
  const editsCpu: number[] = [];
  for (let i = 0; i < 40; i++) {
    const n = (i * 7919) % texts.length;
    const uri = `file:///synthetic/${n}.cable`;
    const text = texts[n]!.replace('SUBJECT: ', `SUBJECT: EDIT${i} `);
    index.setOpenDocument(uri, () => summarizeFile(uri, text)!);
    const cpu = process.cpuUsage();
    const start = performance.now();
    runCableQuery(index, '', { limit: 200, groupBy: 'year' });
    edits.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    editsCpu.push((used.user + used.system) / 1000);
  }
  report('first query after an edit of an open document', edits);
  report('  the same, CPU time', editsCpu);
}

void main();
