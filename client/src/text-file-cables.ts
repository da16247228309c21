// `.txt` cables. VS Code gives every `.txt` file to Plain Text by its extension, and a language's
// `firstLine` pattern is only tried for files no extension claims, so the grammar's firstLine
// never sees a Cablegate `.txt` download. The client therefore reads the head of each Plain Text
// document with the server's own detector (the one the workspace index uses, so both agree on
// what a cable is) and hands cables to the `cable` language.
import * as vscode from 'vscode';
import { HEAD_LINES, isCableText } from '../../server/src/workspace/cable-detection.ts';

export function detectTextFileCables(context: vscode.ExtensionContext): void {
  /**
   * Documents already handed to `cable` once: when the user switches one back to Plain Text,
   * VS Code reopens it as plaintext, and that choice must stand.
   */
  const handedOver = new Set<string>();
  const consider = (document: vscode.TextDocument): void => {
    if (document.languageId !== 'plaintext' || !document.uri.path.toLowerCase().endsWith('.txt')) return;
    const key = document.uri.toString();
    if (handedOver.has(key) || !vscode.workspace.getConfiguration('cable', document.uri).get<boolean>('detectTextFiles', true)) return;
    // As many lines as the detector reads: never the whole of a huge file.
    if (!isCableText(document.getText(new vscode.Range(0, 0, HEAD_LINES, 0)))) return;
    handedOver.add(key);
    void vscode.languages.setTextDocumentLanguage(document, 'cable');
  };
  vscode.workspace.textDocuments.forEach(consider);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(consider));
}
