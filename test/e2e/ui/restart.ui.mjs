// A language server that dies under the workbench: VS Code starts a new one and says so once a
// session, not at each restart. The server is the process running the extension's
// dist/server/server.js with this code-server's home in its environment, started by this page's
// extension host (Linux /proc; skipped elsewhere).
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { editorReady, openFile, openWorkbench, waitFor } from './workbench.mjs';

const NOTICE = 'The Cable language server stopped unexpectedly and was restarted';

/** Pids of Cable servers started by this code-server. */
function serverProcesses(home) {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // code-server keeps its data in `home` through the environment, which the server inherits.
        const commandLine = readFileSync(`/proc/${name}/cmdline`, 'utf8');
        return commandLine.includes('dist/server/server.js') && readFileSync(`/proc/${name}/environ`, 'utf8').includes(home);
      } catch {
        return false; // Ended while listed.
      }
    })
    .map(Number);
}

/** The server of this page: the one running that `others` (other pages' servers) do not hold. */
function ownServer(home, others) {
  const own = serverProcesses(home).filter((pid) => !others.has(pid));
  return own.length === 1 && own[0];
}

/** Kills this page's server and waits for the one that replaces it. */
async function killServer(home, others) {
  const server = await waitFor('this page’s Cable server', () => ownServer(home, others));
  process.kill(server, 'SIGKILL');
  return waitFor('a new Cable server', () => {
    const replacement = ownServer(home, others);
    return replacement !== server && replacement;
  });
}

/** Waits until the outline (Go to Symbol in Editor) lists paragraphs again: the server answers. */
async function serverAnswers(page) {
  await waitFor('the new server’s symbols', async () => {
    await page.keyboard.press('Control+Shift+O');
    const rows = page.locator('.quick-input-list .monaco-list-row', { hasText: '1. (C) Summary' });
    const found = await rows
      .first()
      .waitFor({ timeout: 2_000 })
      .then(
        () => true,
        () => false,
      );
    await page.keyboard.press('Escape');
    return found;
  });
}

const notices = (page) => page.locator('.notifications-toasts .notification-toast', { hasText: NOTICE });

export default [
  {
    name: 'a killed server is restarted, and the user told once, not at each restart',
    async run(context) {
      if (!existsSync('/proc/self/cmdline')) return;
      // Each page has its own extension host, and the pages of other tests may hold servers.
      const others = new Set(serverProcesses(context.home));
      const page = await openWorkbench(context, { theme: 'Dark Modern' });
      try {
        await openFile(page, '09BASRAH2.cable');
        await editorReady(page, 'Cable');
        await killServer(context.home, others);
        await notices(page).first().waitFor({ timeout: 20_000 });
        await serverAnswers(page);

        // Cleared, the notice must not come back at the next restart (VS Code would fold a
        // repeat into the notice still shown, so the first is cleared before the second crash).
        await page.keyboard.press('F1');
        await page.locator('.quick-input-widget input').fill('>Notifications: Clear All Notifications');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Clear All Notifications' }).first().waitFor();
        await page.keyboard.press('Enter');
        await waitFor('the notice to be cleared', async () => (await notices(page).count()) === 0);

        await killServer(context.home, others);
        await serverAnswers(page);
        assert.equal(await notices(page).count(), 0, 'a second notice after the second restart');
      } finally {
        await page.close();
      }
    },
  },
];
