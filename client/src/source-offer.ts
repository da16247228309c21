// A WikiLeaks page or a cables.csv file opened in the editor offers "Import Cables…": its cables
// become `.txt` cables that every feature reads. Told by content, with the sources layer's own
// tests (the page's table lies far down the file, so a page is read whole; pages are small).
import * as vscode from 'vscode';
import { isCablesCsv } from '../../server/src/sources/cables-csv.ts';
import { isCablegatePage, isPlusdPage } from '../../server/src/sources/html-page.ts';

const HEAD_CHARS = 4096;

/** What the document is, in the words of the offer; undefined when it is no source of cables. */
function describeSource(document: vscode.TextDocument): string | undefined {
  if (document.uri.scheme !== 'file') return undefined;
  const head = document.getText(new vscode.Range(0, 0, 200, 0)).slice(0, HEAD_CHARS);
  if (isCablesCsv(head)) return 'a cables.csv file';
  if (!/<html/i.test(head)) return undefined;
  const text = document.getText();
  if (isCablegatePage(text)) return 'a WikiLeaks cable page';
  if (isPlusdPage(text)) return 'a WikiLeaks PlusD page';
  return undefined;
}

export function offerImportOfSources(context: vscode.ExtensionContext): void {
  /** Documents already offered: the offer is made once a session. */
  const offered = new Set<string>();
  const consider = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    if (offered.has(key)) return;
    const what = describeSource(document);
    if (!what) return;
    offered.add(key);
    const name = document.uri.path.split('/').pop();
    void vscode.window.showInformationMessage(`${name} is ${what}. Import its cables as .txt cables?`, 'Import Cables…').then((action) => {
      if (action) void vscode.commands.executeCommand('cable.importCables', [document.uri]);
    });
  };
  vscode.workspace.textDocuments.forEach(consider);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(consider));
}
