// "Cable: Import Cables…": the server's import module (server/src/node/import-cables.ts), run in
// the extension host with a cancellable progress notification, then an offer to open the folder.
// A bundle of its own (scripts/build.mjs), loaded when the command first runs.
import * as vscode from 'vscode';
import { describeProgress, describeSummary, importCables, type ImportSummary } from '../../server/src/node/import-cables.ts';

const SOURCE_FILTERS = {
  'Cable sources (WikiLeaks pages, cables.csv, exports)': ['html', 'htm', 'csv', 'json', 'jsonl', 'txt'],
  'All files': ['*'],
};

/**
 * Asks for the sources (unless given: the offer on an opened page passes it) and the folder,
 * imports, and says what happened. `out` may be given too (scripts, tests); the summary is returned.
 */
export async function importCablesCommand(sources?: vscode.Uri[], out?: vscode.Uri): Promise<ImportSummary | undefined> {
  sources ??= await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: 'Import',
    title: 'Cable: files to import',
    filters: SOURCE_FILTERS,
  });
  if (!sources?.length) return undefined;
  out ??= (
    await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      openLabel: 'Import into this folder',
      title: 'Cable: folder to write the cables into',
    })
  )?.[0];
  if (!out) return undefined;
  const folder = out;
  const paths = sources.map((uri) => uri.fsPath);
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Importing cables', cancellable: true },
    (progress, token) => {
      let reported = 0;
      return importCables(paths, {
        out: folder.fsPath,
        isCancelled: () => token.isCancellationRequested,
        onProgress: (p) => {
          const done = p.totalBytes > 0 ? (100 * p.bytes) / p.totalBytes : 0;
          progress.report({ message: describeProgress(p), increment: done - reported });
          reported = done;
        },
      });
    },
  );
  const problems = [
    ...summary.problems.map((p) => `${p.source}: ${p.message}`),
    ...summary.conflicts.map((c) => `${c.file} exists with a different text: skipped`),
  ];
  const text = `Cable: ${describeSummary(summary, false)}.${problems.length ? ` ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ' …' : ''}` : ''}`;
  const inWorkspace = vscode.workspace.getWorkspaceFolder(folder) !== undefined;
  const actions = inWorkspace ? [] : ['Open Folder', 'Add to Workspace'];
  const show = problems.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(text, ...actions).then((action) => {
    if (action === 'Open Folder') void vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: false });
    else if (action === 'Add to Workspace')
      vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders?.length ?? 0, 0, { uri: folder });
  });
  return summary;
}
