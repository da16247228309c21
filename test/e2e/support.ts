// Helpers shared by the e2e test files: they run inside the VS Code extension host.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'cable-tools.cable';

/** Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The extension under test; fails when VS Code did not load it. */
export function cableExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return extension;
}

/** URI of a cable in the e2e workspace folder (test/fixtures/e2e). */
export function fixtureUri(fileName: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e run must open test/fixtures/e2e as its workspace folder');
  return vscode.Uri.joinPath(folder.uri, fileName);
}

/** Opens a fixture cable in an editor and returns its document. */
export async function openFixture(fileName: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(fileName));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The folder the extension should be loaded from, when the runner says so. */
export function expectedExtensionRoot(): string | undefined {
  const root = process.env.CABLE_E2E_EXTENSION_ROOT;
  return root ? path.resolve(root) : undefined;
}

let drafts = 0;

/**
 * An untitled cable (nothing on disk): the seed with `edit` applied, shown in an editor. Each draft
 * has a name of its own: a reused `Untitled-1` could still be the previous test's closed draft
 * (seen in code-server: the completion test got the draft before it).
 */
export async function draftFromSeed(edit: (text: string) => string): Promise<vscode.TextDocument> {
  const seed = (await vscode.workspace.openTextDocument(fixtureUri('09BASRAH2.cable'))).getText();
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `draft-${++drafts}.cable` });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'cable');
  const editor = await vscode.window.showTextDocument(document);
  assert.ok(
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), edit(seed))),
    `the draft ${uri.toString()} takes its text`,
  );
  return document;
}

/** The codes of the diagnostics VS Code holds for a document (from every source). */
export function diagnosticCodes(uri: vscode.Uri): (string | number | undefined)[] {
  return vscode.languages.getDiagnostics(uri).map((d) => (typeof d.code === 'object' ? d.code.value : d.code));
}

const SERVER_SCRIPT = path.join('dist', 'server', 'server.js');

/** Processes started by this extension host running the Cable server (Linux: read from /proc). */
export function serverProcesses(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        // After `pid (command) state`, the parent's pid comes first.
        const parent = Number(
          readFileSync(`/proc/${name}/stat`, 'utf8')
            .replace(/^.*\) /s, '')
            .split(' ')[1],
        );
        const commandLine = readFileSync(`/proc/${name}/cmdline`, 'utf8');
        return parent === process.pid && commandLine.includes(SERVER_SCRIPT) ? [Number(name)] : [];
      } catch {
        return []; // The process ended while listed.
      }
    });
}
