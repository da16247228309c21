// The citation neighbourhood as a picture: our own small layout (no library: a few dozen nodes in
// columns), written as SVG for `cable graph --format svg` and the graph webview, and as Graphviz
// DOT. Cited cables to the left of the centre, citing cables to the right, one column per hop;
// or, with the time axis, left to right by date. Missing cables lie in a band of their own below.
import { classificationLevel } from '../model/cable-model.ts';
import type { CitationNeighbourhood, GraphNode } from '../workspace/citation-neighbourhood.ts';

export interface DrawingOptions {
  /** Place nodes left to right by date instead of by hop. */
  timeAxis?: boolean;
  /** A whole SVG document with its own colours (the CLI); without it, classes the webview's theme colours. */
  standalone?: boolean;
}

interface Placed {
  node: GraphNode;
  x: number;
  y: number;
  r: number;
}

const COLUMN_WIDTH = 190;
const ROW_HEIGHT = 64;
const MARGIN = 60;
const BAND_GAP = 70;

/** A class name for the node's classification level, for colouring. */
export function classificationClass(node: GraphNode): string {
  if (node.missing) return 'missing';
  switch (classificationLevel(node.classification)) {
    case 'UNCLASSIFIED':
      return 'level-u';
    case 'CONFIDENTIAL':
      return 'level-c';
    case 'SECRET':
      return 'level-s';
    case 'TOP SECRET':
      return 'level-ts';
    default:
      return 'level-none';
  }
}

/** Sized by how often the workspace cites it. */
function radiusOf(node: GraphNode): number {
  return Math.min(30, 9 + 4 * Math.sqrt(node.citedBy));
}

const byDate = (a: GraphNode, b: GraphNode) =>
  (a.date ?? '~') < (b.date ?? '~') ? -1 : (a.date ?? '~') > (b.date ?? '~') ? 1 : a.id < b.id ? -1 : 1;

function layout(
  graph: CitationNeighbourhood,
  timeAxis: boolean,
): { placed: Placed[]; width: number; height: number; bandY?: number; axis?: { x: number; label: string }[] } {
  const present = graph.nodes.filter((n) => !n.missing);
  const missing = graph.nodes.filter((n) => n.missing);
  const column = (n: GraphNode) => (n.side === 'cited' ? -n.hops : n.hops);
  const placed: Placed[] = [];
  if (!timeAxis) {
    const columns = [...new Set(graph.nodes.map(column))].sort((a, b) => a - b);
    const xOf = (n: GraphNode) => MARGIN + columns.indexOf(column(n)) * COLUMN_WIDTH;
    const rows = (nodes: GraphNode[], top: number) => {
      let bottom = top;
      for (const c of columns) {
        nodes
          .filter((n) => column(n) === c)
          .sort(byDate)
          .forEach((node, i) => {
            const y = top + i * ROW_HEIGHT;
            bottom = Math.max(bottom, y);
            placed.push({ node, x: xOf(node), y, r: radiusOf(node) });
          });
      }
      return bottom;
    };
    const presentBottom = rows(present, MARGIN);
    const bandY = missing.length ? presentBottom + BAND_GAP : undefined;
    const bottom = bandY === undefined ? presentBottom : rows(missing, bandY + 60);
    return {
      placed,
      width: 2 * MARGIN + (columns.length - 1) * COLUMN_WIDTH + 80,
      height: bottom + MARGIN,
      ...(bandY === undefined ? {} : { bandY }),
    };
  }
  const times = graph.nodes.flatMap((n) => (n.date ? [Date.parse(n.date)] : []));
  const start = Math.min(...times);
  const end = Math.max(...times);
  const span = Math.max(end - start, 86_400_000);
  const plotWidth = Math.max(600, graph.nodes.length * 24);
  const xOf = (n: GraphNode) => (n.date ? MARGIN + ((Date.parse(n.date) - start) / span) * plotWidth : MARGIN + plotWidth + 60);
  const rows = (nodes: GraphNode[], top: number) => {
    nodes.sort(byDate).forEach((node, i) => placed.push({ node, x: xOf(node), y: top + i * (ROW_HEIGHT / 1.6), r: radiusOf(node) }));
    return top + Math.max(0, nodes.length - 1) * (ROW_HEIGHT / 1.6);
  };
  const presentBottom = rows(present, MARGIN + 20);
  const bandY = missing.length ? presentBottom + BAND_GAP : undefined;
  const bottom = bandY === undefined ? presentBottom : rows(missing, bandY + 60);
  const axis: { x: number; label: string }[] = [];
  if (times.length) {
    const first = new Date(start).getUTCFullYear();
    const last = new Date(end).getUTCFullYear();
    for (let year = first; year <= last + 1; year++) {
      for (const month of year === last + 1 ? [0] : [0, 6]) {
        const t = Date.UTC(year, month, 1);
        if (t >= start - span / 20 && t <= end + span / 20)
          axis.push({ x: MARGIN + ((t - start) / span) * plotWidth, label: `${year}-${String(month + 1).padStart(2, '0')}` });
      }
    }
  }
  return { placed, width: 2 * MARGIN + plotWidth + 140, height: bottom + MARGIN, ...(bandY === undefined ? {} : { bandY }), axis };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** What a node says to a screen reader and in its tooltip. */
export function describeNode(node: GraphNode): string {
  const date = node.date ? `${node.dateEstimated ? 'about ' : ''}${node.date.slice(0, 10)}` : 'undated';
  const what = node.missing ? 'not in the workspace' : (node.classification ?? 'unclassified?');
  const subject = node.subject ? `: ${node.subject}` : '';
  return `${node.id}, ${date}, ${what}, cited by ${node.citedBy}${subject}`;
}

const STANDALONE_STYLE = `
  text { font: 12px sans-serif; fill: #222; }
  .edge { stroke: #888; stroke-width: 1.2; }
  .node circle { stroke: #333; stroke-width: 1.5; }
  .level-u circle { fill: #6aa84f; } .level-c circle { fill: #3d85c6; } .level-s circle { fill: #e69138; }
  .level-ts circle { fill: #cc0000; } .level-none circle { fill: #999; }
  .missing circle { fill: #fff; stroke-dasharray: 4 3; }
  .centre circle { stroke-width: 4; }
  .band { stroke: #aaa; stroke-dasharray: 6 4; } .axis { stroke: #ddd; }
  #arrow path { fill: #888; }`;

/** The neighbourhood as SVG: each node a focusable group carrying its ID and file (`data-id`, `data-uri`). */
export function graphSvg(graph: CitationNeighbourhood, options: DrawingOptions = {}): string {
  const { placed, width, height, bandY, axis } = layout(graph, options.timeAxis ?? false);
  const at = new Map(placed.map((p) => [p.node.id, p]));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(width)}" height="${Math.round(height)}" viewBox="0 0 ${Math.round(width)} ${Math.round(height)}" role="group" aria-label="Citations of ${escapeXml(graph.centre)} within ${graph.hops} hop${graph.hops === 1 ? '' : 's'}">`,
  );
  if (options.standalone) out.push(`<style>${STANDALONE_STYLE}</style>`);
  out.push(
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>',
  );
  for (const tick of axis ?? [])
    out.push(
      `<line class="axis" x1="${tick.x.toFixed(1)}" y1="20" x2="${tick.x.toFixed(1)}" y2="${Math.round(height - 20)}"/><text class="axis-label" x="${tick.x.toFixed(1)}" y="16" text-anchor="middle">${tick.label}</text>`,
    );
  if (bandY !== undefined)
    out.push(
      `<line class="band" x1="10" y1="${bandY}" x2="${Math.round(width - 10)}" y2="${bandY}"/><text class="band-label" x="14" y="${bandY + 16}">Cited, not in the workspace (dates estimated)</text>`,
    );
  for (const edge of graph.edges) {
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    if (!from || !to) continue;
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    const [x1, y1] = [from.x + (dx / length) * from.r, from.y + (dy / length) * from.r];
    const [x2, y2] = [to.x - (dx / length) * (to.r + 2), to.y - (dy / length) * (to.r + 2)];
    out.push(
      `<line class="edge" x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" marker-end="url(#arrow)"><title>${escapeXml(`${edge.from} cites ${edge.to}`)}</title></line>`,
    );
  }
  for (const { node, x, y, r } of placed) {
    const classes = ['node', classificationClass(node), node.side === 'centre' ? 'centre' : ''].filter(Boolean).join(' ');
    const uri = node.uri ? ` data-uri="${escapeXml(node.uri)}"` : '';
    const label = escapeXml(describeNode(node));
    out.push(
      `<g class="${classes}" data-id="${escapeXml(node.id)}"${uri} tabindex="0" role="${node.uri ? 'button' : 'img'}" aria-label="${label}">` +
        `<title>${label}</title><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"/>` +
        `<text x="${x.toFixed(1)}" y="${(y + r + 14).toFixed(1)}" text-anchor="middle">${escapeXml(node.id)}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

/** The neighbourhood in Graphviz DOT: `dot -Tpng`. */
export function graphDot(graph: CitationNeighbourhood): string {
  const quote = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;
  const fill: Record<string, string> = {
    'level-u': '#6aa84f',
    'level-c': '#3d85c6',
    'level-s': '#e69138',
    'level-ts': '#cc0000',
    'level-none': '#999999',
    missing: '#ffffff',
  };
  const lines = [
    `digraph ${quote(`citations of ${graph.centre}`)} {`,
    '  rankdir=LR;',
    '  node [shape=circle, style=filled, fontname="sans-serif", fontsize=10];',
  ];
  for (const node of graph.nodes) {
    const date = node.date ? `${node.dateEstimated ? '~' : ''}${node.date.slice(0, 10)}` : '';
    const attributes = [
      `label=${quote(node.id)}`,
      `xlabel=${quote(date)}`,
      `fillcolor=${quote(fill[classificationClass(node)]!)}`,
      `width=${(radiusOf(node) / 20).toFixed(2)}`,
    ];
    if (node.missing) attributes.push('style="filled,dashed"');
    if (node.side === 'centre') attributes.push('penwidth=3');
    if (node.subject) attributes.push(`tooltip=${quote(node.subject)}`);
    lines.push(`  ${quote(node.id)} [${attributes.join(', ')}];`);
  }
  for (const edge of graph.edges) lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)};`);
  lines.push('}');
  return lines.join('\n');
}
