// Cables the workspace cites but does not hold, each dated from its neighbours: a post numbers
// its cables in the order it sends them, so a missing `06MADRID2374` was sent between the
// workspace's 06MADRID cables on either side of serial 2374 (interpolated by serial), and in any
// case before the first cable that cites it. As cable2graph dated Cablegate's unreleased cables.
import { parseCableId } from '../model/cable-id.ts';
import { expandYear } from '../model/dates.ts';
import { distinctCables } from './indexed-cable.ts';
import type { Citation, IndexedCable } from './indexed-cable.ts';

/** What the citation features read of the workspace index (WorkspaceIndex answers it). */
export interface CitationSource {
  /** Every cable, in no order. */
  forEachCable(visit: (cable: IndexedCable) => void): void;
  lookup(id: string): IndexedCable[];
  citing(id: string): { cable: IndexedCable; citations: Citation[] }[];
  /** Every ID some REF list cites. */
  citedIds(): Iterable<string>;
  /** Changes whenever a cable enters or leaves the index. */
  readonly version: number;
}

export interface MissingCable {
  id: string;
  /** The post as IDs write it (`MADRID`). */
  post?: string;
  /** Cables of the workspace that cite it. */
  citedBy: number;
  /** YYYY-MM-DD, estimated; undefined when no cable of its post and year, nor a dated citer, is known. */
  estimatedDate?: string;
  /** How the date was estimated. */
  dateBasis:
    | 'between its serial neighbours'
    | 'beyond its serial neighbours'
    | 'beside its serial neighbour'
    | 'before its first citation'
    | 'in its year'
    | 'unknown';
}

/** Cables of the workspace citing `id`, a cable in two files (`.txt` and `.cable`) once. */
export function citingCount(source: CitationSource, id: string): number {
  return distinctCables(source.citing(id)).length;
}

const DAY_MS = 86_400_000;

export function postOf(id: string | undefined): string | undefined {
  return id ? parseCableId(id)?.post : undefined;
}

const cache = new WeakMap<CitationSource, { version: number; cables: MissingCable[] }>();

/** The cited cables not in the workspace, dated; computed once for each version of the index. */
export function missingCables(source: CitationSource): MissingCable[] {
  const cached = cache.get(source);
  if (cached && cached.version === source.version) return cached.cables;
  // One pass over the cables rather than a lookup of each cited ID (750,000 of them at 250,000 cables).
  const present = new Set<string>();
  source.forEachCable((cable) => cable.id && present.add(cable.id));
  const missing: string[] = [];
  for (const id of source.citedIds()) if (!present.has(id)) missing.push(id);
  const neighbours = serialNeighbours(source, new Set(missing.flatMap((id) => yearPost(id) ?? [])));
  const cables = missing.sort().map((id) => estimate(source, id, neighbours));
  cache.set(source, { version: source.version, cables });
  return cables;
}

function yearPost(id: string): string | undefined {
  const parts = parseCableId(id);
  return parts ? `${parts.year}${parts.post}` : undefined;
}

interface Dated {
  serial: number;
  time: number;
}

/** For each year and post in `wanted`, the workspace's dated cables of it, by serial. */
function serialNeighbours(source: CitationSource, wanted: Set<string>): Map<string, Dated[]> {
  const byYearPost = new Map<string, Dated[]>();
  if (wanted.size === 0) return byYearPost;
  source.forEachCable((cable) => {
    const parts = cable.id && cable.date ? parseCableId(cable.id) : undefined;
    if (!parts) return;
    const key = `${parts.year}${parts.post}`;
    if (!wanted.has(key)) return;
    const time = Date.parse(cable.date!);
    if (Number.isNaN(time)) return;
    let list = byYearPost.get(key);
    if (!list) byYearPost.set(key, (list = []));
    list.push({ serial: Number(parts.serial), time });
  });
  // One point a serial: the same cable in two files (`.txt` and `.cable`) is one neighbour.
  for (const [key, list] of byYearPost)
    byYearPost.set(
      key,
      list.sort((a, b) => a.serial - b.serial).filter((d, i) => i === 0 || d.serial !== list[i - 1]!.serial),
    );
  return byYearPost;
}

function estimate(source: CitationSource, id: string, neighbours: Map<string, Dated[]>): MissingCable {
  const parts = parseCableId(id);
  const citing = source.citing(id);
  const cable: MissingCable = { id, citedBy: distinctCables(citing).length, dateBasis: 'unknown' };
  if (parts) cable.post = parts.post;
  const firstCitation = Math.min(...citing.map(({ cable }) => (cable.date ? Date.parse(cable.date) : NaN)).filter((t) => !Number.isNaN(t)));
  let time: number | undefined;
  const list = parts ? neighbours.get(`${parts.year}${parts.post}`) : undefined;
  if (parts && list?.length) {
    const serial = Number(parts.serial);
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list[middle]!.serial < serial) low = middle + 1;
      else high = middle;
    }
    const before = list[low - 1];
    const afterIndex = list[low]?.serial === serial ? low + 1 : low;
    const after = list[afterIndex];
    // Two known points: interpolate between them, or go on along the line of the two nearest on one side.
    const line = before && after ? [before, after] : before ? [list[low - 2], before] : [after, list[afterIndex + 1]];
    const [a, b] = line;
    if (a && b && a.serial !== b.serial) {
      time = a.time + ((b.time - a.time) * (serial - a.serial)) / (b.serial - a.serial);
      cable.dateBasis = before && after ? 'between its serial neighbours' : 'beyond its serial neighbours';
    } else {
      time = (before ?? after)!.time;
      cable.dateBasis = 'beside its serial neighbour';
    }
  }
  if (Number.isFinite(firstCitation) && (time === undefined || time > firstCitation)) {
    time = firstCitation;
    cable.dateBasis = 'before its first citation';
  }
  if (parts) {
    // Never outside the year its ID gives; a first citation years later only says the year.
    const year = expandYear(Number(parts.year));
    const [start, end] = [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1) - DAY_MS];
    if (time === undefined || (cable.dateBasis === 'before its first citation' && time > end)) {
      time = Date.UTC(year, 6, 1);
      cable.dateBasis = 'in its year';
    }
    time = Math.min(Math.max(time, start), end);
  }
  if (time === undefined) return cable;
  cable.estimatedDate = new Date(time).toISOString().slice(0, 10);
  return cable;
}
