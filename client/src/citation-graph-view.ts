// "Cable: Show Citation Graph": a webview of a cable's citation neighbourhood, drawn by the server
// (cable/citationGraph with its SVG). Nothing is loaded from anywhere: the page is the server's
// SVG, a stylesheet of the theme's colours and a script of a few lines, all inline under a
// content security policy that allows only them (no network, no other script). Each node is
// focusable; Enter, Space or a click opens its cable, and only a file the graph holds is opened.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { CableLanguageClient, CitationGraphAnswer } from './language-client.ts';

const VIEW_TYPE = 'cable.citationGraph';

type Target = { id: string } | { document: vscode.TextDocument };

interface GraphState {
  target: Target;
  hops: number;
  timeAxis: boolean;
}

/** Messages the page sends: a node to open, or the drawing to change. */
type PageMessage = { open: string } | { hops: number } | { timeAxis: boolean };

export function registerCitationGraph(client: () => Promise<CableLanguageClient>): vscode.Disposable {
  let panel: vscode.WebviewPanel | undefined;
  let state: GraphState | undefined;
  let graph: CitationGraphAnswer | undefined;

  async function render(): Promise<void> {
    if (!panel || !state) return;
    graph = await (await client()).citationGraph(state.target, state.hops, state.timeAxis);
    if (!panel) return;
    const name = 'id' in state.target ? state.target.id : (graph?.centre ?? state.target.document.uri.path.split('/').pop()!);
    panel.title = `Citations: ${name}`;
    panel.webview.html = pageHtml(graph, state, panel.webview.cspSource);
  }

  async function show(argument?: unknown): Promise<void> {
    const id =
      typeof argument === 'string'
        ? argument
        : argument && typeof (argument as { hit?: { id?: unknown } }).hit?.id === 'string'
          ? (argument as { hit: { id: string } }).hit.id
          : undefined;
    const document = vscode.window.activeTextEditor?.document;
    if (!id && document?.languageId !== 'cable') {
      void vscode.window.showInformationMessage('Cable: open a cable to see its citation graph.');
      return;
    }
    state = { target: id ? { id } : { document: document! }, hops: state?.hops ?? 1, timeAxis: state?.timeAxis ?? false };
    if (panel) panel.reveal(vscode.ViewColumn.Beside);
    else {
      panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Citations', vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [],
      });
      panel.onDidDispose(() => (panel = undefined));
      panel.webview.onDidReceiveMessage((message: PageMessage) => void receive(message));
    }
    await render();
  }

  async function receive(message: PageMessage): Promise<void> {
    if (!state) return;
    if ('open' in message) {
      // Only a file of the graph: the page is not trusted to name any other.
      const node = graph?.nodes.find((n) => n.uri === message.open);
      if (node?.uri) await vscode.window.showTextDocument(vscode.Uri.parse(node.uri), { viewColumn: vscode.ViewColumn.One });
      return;
    }
    if ('hops' in message && [1, 2, 3].includes(message.hops)) state.hops = message.hops;
    if ('timeAxis' in message) state.timeAxis = message.timeAxis === true;
    await render();
  }

  return vscode.commands.registerCommand('cable.showCitationGraph', show);
}

function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function pageHtml(graph: CitationGraphAnswer | undefined, state: GraphState, cspSource: string): string {
  const nonce = randomBytes(16).toString('base64');
  const hops = [1, 2, 3]
    .map((n) => `<button type="button" data-hops="${n}" aria-pressed="${n === state.hops}">${n} hop${n === 1 ? '' : 's'}</button>`)
    .join('');
  const body = graph
    ? `<p class="note" role="status">${graph.note ? escapeHtml(graph.note) : `${graph.nodes.length} cables within ${graph.hops} hop${graph.hops === 1 ? '' : 's'} of ${escapeHtml(graph.centre)}. Tab to a cable, Enter to open it.`}</p><div class="graph">${graph.svg}</div>`
    : `<p class="note" role="status">This cable has no ID, or the workspace neither holds nor cites it.</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Citation graph</title>
<style nonce="${nonce}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  .toolbar { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
  button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-contrastBorder, transparent); padding: 3px 10px; cursor: pointer; }
  button[aria-pressed="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
  button:focus-visible, .node:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 2px; }
  .legend { display: flex; gap: 14px; flex-wrap: wrap; margin: 4px 0 8px; }
  .legend span::before { content: ""; display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 5px; vertical-align: middle; border: 1px solid var(--vscode-foreground); }
  .note { color: var(--vscode-descriptionForeground); }
  .graph svg { max-width: 100%; height: auto; }
  svg text { fill: var(--vscode-foreground); font-size: 12px; }
  .edge { stroke: var(--vscode-descriptionForeground); stroke-width: 1.2; }
  #arrow path { fill: var(--vscode-descriptionForeground); }
  .node circle { stroke: var(--vscode-foreground); stroke-width: 1.5; }
  .node[data-uri] { cursor: pointer; }
  .node:hover circle, .node:focus circle { stroke-width: 3; }
  .centre circle { stroke-width: 4; }
  .level-u circle, .legend .level-u::before { fill: var(--vscode-charts-green); background: var(--vscode-charts-green); }
  .level-c circle, .legend .level-c::before { fill: var(--vscode-charts-blue); background: var(--vscode-charts-blue); }
  .level-s circle, .legend .level-s::before { fill: var(--vscode-charts-orange); background: var(--vscode-charts-orange); }
  .level-ts circle, .legend .level-ts::before { fill: var(--vscode-charts-red); background: var(--vscode-charts-red); }
  .level-none circle, .legend .level-none::before { fill: var(--vscode-disabledForeground); background: var(--vscode-disabledForeground); }
  .missing circle { fill: var(--vscode-editor-background); stroke-dasharray: 4 3; }
  .legend .missing::before { border-style: dashed; }
  .band { stroke: var(--vscode-descriptionForeground); stroke-dasharray: 6 4; }
  .axis { stroke: var(--vscode-editorIndentGuide-background, var(--vscode-descriptionForeground)); }
  body.vscode-high-contrast .node circle, body.vscode-high-contrast-light .node circle { stroke: var(--vscode-contrastBorder); stroke-width: 2.5; }
  body.vscode-high-contrast .edge, body.vscode-high-contrast-light .edge { stroke: var(--vscode-contrastBorder); }
</style>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="Citation graph">
  ${hops}
  <label><input type="checkbox" id="time-axis"${state.timeAxis ? ' checked' : ''}> Time axis</label>
</div>
<div class="legend" aria-label="Legend"><span class="level-u">UNCLASSIFIED</span><span class="level-c">CONFIDENTIAL</span><span class="level-s">SECRET</span><span class="level-ts">TOP SECRET</span><span class="missing">not in the workspace (date estimated)</span><span>size: cited by more</span></div>
${body}
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  for (const button of document.querySelectorAll('button[data-hops]')) button.addEventListener('click', () => vscode.postMessage({ hops: Number(button.dataset.hops) }));
  document.getElementById('time-axis').addEventListener('change', (event) => vscode.postMessage({ timeAxis: event.target.checked }));
  for (const node of document.querySelectorAll('.node[data-uri]')) {
    const open = () => vscode.postMessage({ open: node.dataset.uri });
    node.addEventListener('click', open);
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
  }
</script>
</body>
</html>`;
}
