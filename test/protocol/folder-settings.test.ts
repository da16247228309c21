// Settings per workspace folder over the protocol: the server asks for the `cable` section of each
// folder (scopeUri) and of the window, and a document follows its folder's settings.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PublishDiagnosticsNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { edit } from '../support/features.ts';
import { startServer } from '../support/lsp-client.ts';
import { SEED_TEXT } from '../support/service.ts';

describe('settings per workspace folder', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'cable-folder-settings-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('unknown-tag switched off in one folder is reported in the other', { timeout: 30_000 }, async () => {
    const [quiet, loud] = ['quiet', 'loud'].map((name) => pathToFileURL(join(scratch, name)).href);
    const client = await startServer({
      folders: [quiet!, loud!],
      configuration: (item) =>
        item.section === 'cable' && item.scopeUri === quiet
          ? { diagnostics: { 'unknown-tag': false } }
          : item.section === 'cable'
            ? {}
            : null,
    });
    const faulty = edit(SEED_TEXT, '[IR](#)', '[IR](#) [PXYZ](#)');
    const [quietDoc, loudDoc] = [`${quiet}/draft.cable`, `${loud}/draft.cable`];
    // Settled when the quiet folder's draft is published without unknown-tag and the loud one's with it.
    const settled = new Promise<void>((resolve) => {
      const last = new Map<string, string[]>();
      client.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
        last.set(
          params.uri,
          params.diagnostics.map((d) => String(d.code)),
        );
        if (last.get(quietDoc)?.includes('unknown-tag') === false && last.get(loudDoc)?.includes('unknown-tag')) resolve();
      });
    });
    client.open(quietDoc, faulty);
    client.open(loudDoc, faulty);
    await settled;
    const asked = client.configurationRequests.filter((item) => item.section === 'cable').map((item) => item.scopeUri ?? '(window)');
    assert.deepEqual([...new Set(asked)].sort(), ['(window)', loud, quiet].sort());
    assert.equal(await client.stop(), 0);
  });
});
