// The "Cables" view in the explorer: the workspace's cables as the server's query language finds
// them (cable/query), grouped by year, origin or TAGS code with counts; each cable opens its file.
// The query is typed in an input box from the view's title bar ("Search Cables"), checked by the
// server as it is typed. The view follows the index: it asks again when the server says the index
// changed, and while the index is being built it shows how far it has got.
import * as vscode from 'vscode';
import type { CableLanguageClient, CableQueryAnswer, CableQueryHit } from './language-client.ts';

export const CABLES_VIEW = 'cable.cables';

type GroupBy = 'year' | 'origin' | 'tag';
const GROUP_NAMES: Record<GroupBy, string> = { year: 'Year', origin: 'Origin', tag: 'TAGS code' };
/** Cables listed in one group; a larger group says how many more there are. */
const GROUP_LIMIT = 500;

type Node = { kind: 'group'; key: string; count: number } | { kind: 'cable'; hit: CableQueryHit } | { kind: 'more'; count: number };

type Found = Extract<CableQueryAnswer, { total: number }>;

export class CablesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private query = '';
  private groupBy: GroupBy = 'year';
  private following: Promise<void> | undefined;
  private listening = false;

  constructor(private readonly client: () => Promise<CableLanguageClient>) {
    this.view = vscode.window.createTreeView(CABLES_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      vscode.commands.registerCommand('cable.searchCables', (query?: unknown) =>
        typeof query === 'string' ? this.setQuery(query) : this.askQuery(),
      ),
      vscode.commands.registerCommand('cable.groupCables', (groupBy?: unknown) => this.askGrouping(groupBy)),
      vscode.commands.registerCommand('cable.clearCableSearch', () => this.setQuery('')),
    );
    this.describe();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private describe(): void {
    this.view.description = `${this.query ? `${this.query} · ` : ''}by ${GROUP_NAMES[this.groupBy].toLowerCase()}`;
  }

  private setQuery(query: string): void {
    this.query = query.trim();
    void vscode.commands.executeCommand('setContext', 'cable.cablesQuery', this.query !== '');
    this.describe();
    this.changed.fire(undefined);
  }

  private async askQuery(): Promise<void> {
    const client = await this.client();
    const input = vscode.window.createInputBox();
    input.title = 'Search Cables';
    input.value = this.query;
    input.placeholder = 'tag:PTER origin:MADRID year:2006 class>=SECRET cites:06MADRID2657 missing: … or words of the subject';
    input.prompt = 'Words and facets, all of which must hold. Enter to search, Escape to leave.';
    let checked = 0;
    input.onDidChangeValue(async (value) => {
      const ticket = ++checked;
      const answer = await client.query({ query: value, limit: 0 });
      if (ticket !== checked) return;
      input.validationMessage =
        answer && 'errors' in answer
          ? {
              message: `${answer.errors.map((e) => e.message).join(' ')}\n\n${answer.help}`,
              severity: vscode.InputBoxValidationSeverity.Error,
            }
          : undefined;
    });
    input.onDidAccept(() => {
      if (input.validationMessage) return;
      this.setQuery(input.value);
      input.hide();
    });
    input.onDidHide(() => input.dispose());
    input.show();
  }

  private async askGrouping(groupBy: unknown): Promise<void> {
    let chosen = Object.keys(GROUP_NAMES).find((g) => g === groupBy) as GroupBy | undefined;
    if (!chosen) {
      const picked = await vscode.window.showQuickPick(
        (Object.entries(GROUP_NAMES) as [GroupBy, string][]).map(([value, label]) => ({ label, value, picked: value === this.groupBy })),
        { title: 'Group Cables By' },
      );
      chosen = picked?.value;
    }
    if (!chosen) return;
    this.groupBy = chosen;
    this.describe();
    this.changed.fire(undefined);
  }

  /** While the index is being built: progress in the view, then the list again once it is done. */
  private follow(client: CableLanguageClient, answer: Found): void {
    if (!this.listening) {
      this.listening = true;
      this.disposables.push(client.onIndexChanged(() => this.changed.fire(undefined)));
    }
    if (answer.indexing.ready || this.following) return;
    this.following = Promise.resolve(
      vscode.window.withProgress({ location: { viewId: CABLES_VIEW }, title: 'Indexing cables' }, () =>
        client.query({ query: '', limit: 0, wait: true }),
      ),
    ).then(
      () => {
        this.following = undefined;
        this.changed.fire(undefined);
      },
      () => (this.following = undefined),
    );
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'cable' || node?.kind === 'more') return [];
    const client = await this.client();
    const group = node?.kind === 'group' ? { group: node.key } : {};
    const answer = await client.query({ query: this.query, groupBy: this.groupBy, limit: node ? GROUP_LIMIT : 0, ...group });
    if (!answer) return [];
    if ('errors' in answer) {
      this.view.message = `${answer.errors.map((e) => e.message).join(' ')} Search Cables to change the query.`;
      return [];
    }
    if (node?.kind === 'group') {
      const cables: Node[] = answer.hits.map((hit) => ({ kind: 'cable', hit }));
      return answer.total > answer.hits.length ? [...cables, { kind: 'more', count: answer.total - answer.hits.length }] : cables;
    }
    this.follow(client, answer);
    const indexing = answer.indexing.ready ? '' : `Indexing… ${answer.indexing.cables.toLocaleString('en')} cables so far. `;
    this.view.message = `${indexing}${answer.total.toLocaleString('en')} cable${answer.total === 1 ? '' : 's'}${this.query ? ` found by ${this.query}` : ''}.`;
    return (answer.groups ?? []).map((g) => ({ kind: 'group', key: g.key, count: g.count }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.key, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${this.groupBy}:${node.key}`;
      item.description = String(node.count);
      item.tooltip = `${node.count} cable${node.count === 1 ? '' : 's'} of ${GROUP_NAMES[this.groupBy].toLowerCase()} ${node.key}`;
      item.contextValue = 'cableGroup';
      return item;
    }
    if (node.kind === 'more') {
      const item = new vscode.TreeItem(`${node.count.toLocaleString('en')} more: narrow the query`);
      item.command = { title: 'Search Cables', command: 'cable.searchCables' };
      return item;
    }
    const { hit } = node;
    const file = hit.uri ? vscode.Uri.parse(hit.uri) : undefined;
    const date = hit.date ? `${hit.dateEstimated ? '~' : ''}${hit.date.slice(0, 10)}` : 'undated';
    const item = new vscode.TreeItem(hit.id ?? (file ? file.path.split('/').pop()! : '?'));
    item.id = `cable:${hit.uri ?? hit.id}`;
    if (hit.missing) {
      item.description = `${date} · not in the workspace · cited by ${hit.citedBy}`;
      item.tooltip = `${hit.id}: cited by ${hit.citedBy} cable${hit.citedBy === 1 ? '' : 's'} of the workspace, which does not hold it; ${hit.dateEstimated ? `its date estimated from its neighbours, about ${date}` : 'its date unknown'}. Click to list the cables citing it.`;
      item.iconPath = new vscode.ThemeIcon('circle-large-outline');
      item.command = { title: 'Cables Citing It', command: 'cable.searchCables', arguments: [`cites:${hit.id}`] };
      item.contextValue = 'missingCable';
      return item;
    }
    item.description = `${date} · ${hit.subject ?? ''}`;
    const relativePath = file ? vscode.workspace.asRelativePath(file) : '';
    item.tooltip = new vscode.MarkdownString(undefined);
    item.tooltip.appendText(
      `${hit.id ?? ''} — ${hit.subject ?? 'no subject'}\n\n${[date, hit.classification, hit.origin, hit.tags.join(' ')].filter(Boolean).join(' · ')}\n\ncited by ${hit.citedBy} · ${relativePath}`,
    );
    item.iconPath = new vscode.ThemeIcon('mail');
    if (file) item.command = { title: 'Open Cable', command: 'vscode.open', arguments: [file] };
    item.contextValue = 'cable';
    return item;
  }
}
