// A cable's citation neighbourhood: the cables it cites and the cables citing it, out to a number
// of hops, for the graph webview and `cable graph`. Cited cables not in the workspace are nodes
// too, marked missing and dated from their neighbours (missing-cables.ts). Capped, saying so: a
// cable of Cablegate's giant cluster reaches thousands within three hops.
import { citingCount, missingCables, type CitationSource, type MissingCable } from './missing-cables.ts';

/** Beyond this many nodes the picture is unreadable: the neighbourhood is cut, with a note. */
export const MAX_GRAPH_NODES = 150;
export const MAX_GRAPH_HOPS = 3;

export interface GraphNode {
  id: string;
  uri: string | null;
  subject: string | null;
  /** ISO 8601; for a missing cable the estimated day (`dateEstimated`). */
  date: string | null;
  dateEstimated: boolean;
  classification: string | null;
  /** Cables of the workspace that cite it. */
  citedBy: number;
  missing: boolean;
  /** Hops from the centre, and on which side of it the node was first reached. */
  hops: number;
  side: 'centre' | 'cited' | 'citing';
}

/** `from` cites `to` in its REF list. */
export interface GraphEdge {
  from: string;
  to: string;
}

export interface CitationNeighbourhood {
  centre: string;
  hops: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Set when the neighbourhood was cut at `MAX_GRAPH_NODES`: what was left out. */
  note?: string;
}

function missingById(source: CitationSource, id: string): MissingCable | undefined {
  const cables = missingCables(source);
  let low = 0;
  let high = cables.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cables[middle]!.id < id) low = middle + 1;
    else high = middle;
  }
  return cables[low]?.id === id ? cables[low] : undefined;
}

function nodeOf(source: CitationSource, id: string, hops: number, side: GraphNode['side']): GraphNode | undefined {
  const cable = source.lookup(id)[0];
  if (cable) {
    return {
      id,
      uri: cable.uri,
      subject: cable.subject ?? null,
      date: cable.date ?? null,
      dateEstimated: false,
      classification: cable.classification ?? null,
      citedBy: citingCount(source, id),
      missing: false,
      hops,
      side,
    };
  }
  const missing = missingById(source, id);
  if (!missing) return undefined;
  return {
    id,
    uri: null,
    subject: null,
    date: missing.estimatedDate ?? null,
    dateEstimated: missing.estimatedDate !== undefined,
    classification: null,
    citedBy: missing.citedBy,
    missing: true,
    hops,
    side,
  };
}

/** The neighbourhood of `id` within `hops` (1–3), or undefined when the workspace neither holds nor cites it. */
export function citationNeighbourhood(
  source: CitationSource,
  id: string,
  hops: number,
  maxNodes = MAX_GRAPH_NODES,
): CitationNeighbourhood | undefined {
  const centreId = id.toUpperCase();
  const centre = nodeOf(source, centreId, 0, 'centre');
  if (!centre) return undefined;
  const nodes = new Map<string, GraphNode>([[centreId, centre]]);
  const edges = new Map<string, GraphEdge>();
  let left = 0;
  let frontier = [centre];
  for (let hop = 1; hop <= hops && frontier.length; hop++) {
    const next: GraphNode[] = [];
    for (const node of frontier) {
      const cited = source.lookup(node.id).flatMap((cable) => cable.cites.map((c) => c.id));
      const citing = source.citing(node.id).flatMap(({ cable }) => (cable.id ? [cable.id] : []));
      const neighbours: [string, GraphEdge, GraphNode['side']][] = [
        ...cited.map((to): [string, GraphEdge, GraphNode['side']] => [to, { from: node.id, to }, 'cited']),
        ...citing.map((from): [string, GraphEdge, GraphNode['side']] => [from, { from, to: node.id }, 'citing']),
      ];
      for (const [other, edge, side] of neighbours) {
        if (other === node.id) continue;
        if (!nodes.has(other)) {
          if (nodes.size >= maxNodes) {
            left++;
            continue;
          }
          const added = nodeOf(source, other, hop, node.side === 'centre' ? side : node.side);
          if (!added) continue;
          nodes.set(other, added);
          next.push(added);
        }
        edges.set(`${edge.from} ${edge.to}`, edge);
      }
    }
    frontier = next;
  }
  const neighbourhood: CitationNeighbourhood = { centre: centreId, hops, nodes: [...nodes.values()], edges: [...edges.values()] };
  if (left)
    neighbourhood.note = `Cut at ${maxNodes} cables: ${left} more citations within ${hops} hop${hops === 1 ? '' : 's'} lead to cables not drawn.`;
  return neighbourhood;
}
