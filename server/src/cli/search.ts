// `cable search QUERY [DIR]` and `cable graph ID [DIR]`: the query language and the citation
// neighbourhood over the cables under DIR, read with the language server's own index, so the
// matches come in the order the editor's Cables view shows them.
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CABLE_QUERY_HELP, graphDot, graphSvg, MAX_GRAPH_HOPS, type Cancellation, type QueryHit } from '../service/language-service.ts';
import { indexFolder } from './citation-graph.ts';

export const SEARCH_USAGE = `usage: cable search [--json] QUERY [DIR]

Prints the cables under DIR (default: the current folder) that QUERY finds, by date, as a table
(or JSON with --json). Quote the query: cable search 'tag:PTER year:2006' samples
${CABLE_QUERY_HELP}`;

export const GRAPH_USAGE = `usage: cable graph ID [DIR] [--hops N] [--format dot|json|svg] [--time-axis]

Prints the citation neighbourhood of cable ID among the cables under DIR (default: the current
folder): the cables it cites and those citing it, within N hops (1 to ${MAX_GRAPH_HOPS}, default 1). Cited
cables not under DIR are drawn apart, their dates estimated from their neighbours.
  --format   dot (Graphviz, the default), json, or svg (a picture of our own layout)
  --time-axis  (svg) place the cables left to right by date`;

type Write = (line: string) => void;

/** The folder argument: a folder, or a message. */
function folderArgument(dir: string): string | undefined {
  try {
    if (statSync(dir).isDirectory()) return undefined;
  } catch {
    return `${dir} is not a folder`;
  }
  return `${dir} is not a folder`;
}

export async function runSearch(args: string[], out: Write, err: Write, token: Cancellation): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    out(SEARCH_USAGE);
    return 0;
  }
  const json = args.includes('--json');
  const positional = args.filter((arg) => arg !== '--json');
  const unknown = positional.find((arg) => arg.startsWith('--'));
  if (unknown || positional.length < 1 || positional.length > 2) {
    err(`cable search: ${unknown ? `unknown option '${unknown}'` : 'takes a QUERY and at most one folder'}\n${SEARCH_USAGE}`);
    return 2;
  }
  const [query, dir = '.'] = positional as [string, string?];
  const notFolder = folderArgument(dir);
  if (notFolder) {
    err(`cable search: ${notFolder}`);
    return 2;
  }
  const service = await indexFolder(dir, err, token);
  const answer = service && (await service.query(query, { wait: true }, token));
  if (!answer) {
    err('cable search: interrupted');
    return 130;
  }
  if ('errors' in answer) {
    for (const error of answer.errors)
      err(`cable search: ${error.message}\n  ${query}\n  ${' '.repeat(error.start)}${'^'.repeat(Math.max(1, error.end - error.start))}`);
    err(`\n${CABLE_QUERY_HELP}`);
    return 2;
  }
  const fileOf = (hit: QueryHit) => (hit.uri ? relative(dir, fileURLToPath(hit.uri)) : null);
  if (json) {
    out(
      JSON.stringify(
        {
          query,
          root: dir,
          total: answer.total,
          cables: answer.hits.map(({ uri, ...hit }) => ({ ...hit, file: fileOf({ uri, ...hit }) })),
        },
        null,
        2,
      ),
    );
  } else {
    const rows = answer.hits.map((hit) => [
      hit.id ?? fileOf(hit) ?? '',
      hit.date ? `${hit.dateEstimated ? '~' : ''}${hit.date.slice(0, 10)}` : '',
      hit.missing ? 'not in folder' : (hit.classification ?? ''),
      hit.origin ?? '',
      hit.tags.join(' '),
      hit.missing ? `cited by ${hit.citedBy}` : (hit.subject ?? ''),
    ]);
    const header = ['ID', 'DATE', 'CLASSIFICATION', 'ORIGIN', 'TAGS', 'SUBJECT'];
    const widths = header.map((h, i) => Math.min(i === 4 ? 30 : 40, Math.max(h.length, ...rows.map((row) => row[i]!.length))));
    const line = (cells: string[]) =>
      cells
        .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd();
    if (rows.length) out(line(header));
    for (const row of rows) out(line(row));
  }
  err(`cable search: ${answer.total} cable${answer.total === 1 ? '' : 's'} found`);
  return 0;
}

export async function runGraph(args: string[], out: Write, err: Write, token: Cancellation): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    out(GRAPH_USAGE);
    return 0;
  }
  let hops = 1;
  let format = 'dot';
  let timeAxis = false;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--hops') {
      hops = Number(args[++i]);
      if (!Number.isInteger(hops) || hops < 1 || hops > MAX_GRAPH_HOPS) return usageError(err, `--hops takes 1 to ${MAX_GRAPH_HOPS}`);
    } else if (arg === '--format') {
      format = args[++i] ?? '';
      if (!['dot', 'json', 'svg'].includes(format)) return usageError(err, '--format takes dot, json or svg');
    } else if (arg === '--time-axis') {
      timeAxis = true;
    } else if (arg.startsWith('--')) {
      return usageError(err, `unknown option '${arg}'`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length < 1 || positional.length > 2) return usageError(err, 'takes a cable ID and at most one folder');
  const [id, dir = '.'] = positional as [string, string?];
  const notFolder = folderArgument(dir);
  if (notFolder) return usageError(err, notFolder);
  const service = await indexFolder(dir, err, token);
  if (!service) {
    err('cable graph: interrupted');
    return 130;
  }
  const graph = await service.citationGraph({ id }, hops, token);
  if (!graph) {
    err(`cable graph: ${id.toUpperCase()} is not under ${dir}, and no cable there cites it`);
    return 1;
  }
  if (graph.note) err(`cable graph: ${graph.note}`);
  if (format === 'json') {
    const fileOf = (uri: string | null) => (uri ? relative(dir, fileURLToPath(uri)) : null);
    out(JSON.stringify({ ...graph, nodes: graph.nodes.map(({ uri, ...node }) => ({ ...node, file: fileOf(uri) })) }, null, 2));
  } else {
    out(format === 'svg' ? graphSvg(graph, { standalone: true, timeAxis }) : graphDot(graph));
  }
  return 0;
}

function usageError(err: Write, message: string): number {
  err(`cable graph: ${message}\n${GRAPH_USAGE}`);
  return 2;
}
