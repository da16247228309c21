// The Cables view and the citation graph as a person uses them: the view lists the workspace's
// cables grouped by year and narrows to a query typed in its search box; Cable: Show Citation
// Graph on 06MADRID2657 draws its two citing cables, and a click (or Enter) on one opens it. The
// graph page loads nothing from the network: every request the browser makes meanwhile is to the
// workbench's own server. Screenshots of both go to the README.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { QUIET_SETTINGS, writeUserSettings } from '../../../scripts/code-server.mjs';
import { editorReady, openFile, openWorkbench, waitFor } from './workbench.mjs';

let page;
async function workbench(context) {
  page ??= await openWorkbench(context, { theme: 'Dark Modern' });
  return page;
}

/** The Cables pane of the explorer, expanded. */
async function cablesPane(page) {
  const header = page.locator('.pane-header', { hasText: /^Cables/ });
  await header.waitFor({ timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  return page.locator('.pane', { has: header });
}

/** The view's rows as "label description" texts. */
async function rowsOf(pane) {
  return pane
    .locator('.monaco-list-row')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [row.querySelector('.label-name')?.textContent, row.querySelector('.label-description')?.textContent].filter(Boolean).join(' '),
      ),
    );
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

const tests = [
  {
    name: 'the Cables view lists the cables grouped by year, and narrows to tag:PTER; screenshot cables-view.png',
    async run(context) {
      const page = await workbench(context);
      // The view starts the server itself: no cable needs to be open.
      const pane = await cablesPane(page);
      let seen = [];
      const years = await waitFor('the cables grouped by year', async () => {
        seen = await rowsOf(pane);
        return seen.includes('2006 3') ? seen : undefined;
      }).catch(async (error) => {
        await page.screenshot({ path: join(context.screenshotsDir, 'cables-view-failed.png') });
        throw new Error(`${error.message}; the view shows: ${JSON.stringify(seen)}`);
      });
      // The years in order (odd/empty.cable, without a date or ID, is last, under "no date").
      assert.deepEqual(years.slice(0, 5), ['1972 1', '2006 3', '2007 1', '2009 4', '2010 1']);

      await runCommand(page, 'Cable: Search Cables…');
      const input = page.locator('.quick-input-widget input');
      await input.fill('tag:PTER');
      await page.keyboard.press('Enter');
      const narrowed = await waitFor('the groups of tag:PTER', async () => {
        const rows = await rowsOf(pane);
        return rows.includes('2006 2') ? rows : undefined;
      });
      assert.deepEqual(narrowed, ['2006 2', '2007 1', '2009 2', '2010 1']);
      await pane.locator('.monaco-list-row', { hasText: '2006' }).click();
      await waitFor('the cables of 2006', async () => (await rowsOf(pane)).some((row) => row.startsWith('06MADRID3104')));
      const rows = await rowsOf(pane);
      assert.ok(
        rows.some((row) => row.startsWith('06MADRID2657 2006-10-20 · SPAIN: UPDATE ON KEY TERRORISM-RELATED CASES')),
        rows.join('\n'),
      );
      // A cable opens from its row. (Before the folder's list is folded and unfolded below: a click
      // while the panes move can land on another row.)
      await pane.locator('.monaco-list-row', { hasText: '06MADRID2657' }).click();
      await page.locator('.tab.active', { hasText: '06MADRID2657.cable' }).waitFor({ timeout: 20_000 });

      // The folder's own list folded, so the picture shows the Cables view.
      await page.locator('.pane-header', { hasText: /^e2e/ }).first().click();
      await page.screenshot({ path: join(context.screenshotsDir, 'cables-view.png') });
      await page.locator('.pane-header', { hasText: /^e2e/ }).first().click();
    },
  },
  {
    name: 'the citation graph of 06MADRID2657 shows its two citing cables, opens one by click and one by Enter, and loads nothing from the network; screenshot cable-graph.png',
    async run(context) {
      const page = await workbench(context);
      const origin = new URL(context.url).origin;
      const elsewhere = [];
      const record = (request) => {
        const url = request.url();
        if (!url.startsWith(origin) && !/^(data|blob|vscode-webview|vscode-resource):/.test(url)) elsewhere.push(url);
      };
      page.context().on('request', record);
      try {
        const graph = await showGraphOfMadrid(page);
        const citing = await graph
          .locator('.node[data-uri]:not(.centre)')
          .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')).sort());
        assert.deepEqual(citing, ['06MADRID3104', '07MADRID173']);
        assert.equal(await graph.locator('.node.missing').count(), 3);
        assert.match(await graph.locator('.note').innerText(), /^6 cables within 1 hop of 06MADRID2657/);
        // The graph beside the cable, the side bar hidden for the picture.
        await page.keyboard.press('Control+B');
        await page.screenshot({ path: join(context.screenshotsDir, 'cable-graph.png') });
        await page.keyboard.press('Control+B');

        await graph.locator('.node[data-id="07MADRID173"]').click();
        await page.locator('.tab.active', { hasText: '07MADRID173.cable' }).waitFor({ timeout: 20_000 });
        // The graph stays open beside: a node reached by the keyboard opens with Enter.
        await graph.locator('.node[data-id="06MADRID3104"]').focus();
        await page.keyboard.press('Enter');
        await page.locator('.tab.active', { hasText: '06MADRID3104.cable' }).waitFor({ timeout: 20_000 });
      } finally {
        page.context().off('request', record);
      }
      assert.deepEqual(elsewhere, []);
    },
  },
];

/** Opens 06MADRID2657's graph in `page` and returns the graph's frame once its centre is drawn. */
async function showGraphOfMadrid(page) {
  await openFile(page, '06MADRID2657.cable');
  await editorReady(page, 'Cable');
  await runCommand(page, 'Cable: Show Citation Graph');
  const graph = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await graph.locator('.node[data-id="06MADRID2657"]').waitFor({ timeout: 30_000 });
  return graph;
}

tests.push({
  name: 'the citation graph works in an untrusted workspace (Restricted Mode)',
  async run(context) {
    const untrusted = await context.untrusted();
    // Trust on, and never asked: the folder opens in Restricted Mode.
    writeUserSettings(untrusted.home, {
      ...QUIET_SETTINGS,
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'workbench.colorTheme': 'Light Modern',
    });
    const page = await untrusted.browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(untrusted.url, { waitUntil: 'domcontentloaded' });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ timeout: 30_000 });
      const graph = await showGraphOfMadrid(page);
      assert.deepEqual(
        await graph.locator('.node[data-uri]:not(.centre)').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')).sort()),
        ['06MADRID3104', '07MADRID173'],
      );
      await graph.locator('.node[data-id="07MADRID173"]').click();
      await page.locator('.tab.active', { hasText: '07MADRID173.cable' }).waitFor({ timeout: 20_000 });
    } finally {
      await page.close();
    }
  },
});

export default tests;

export async function cleanUp() {
  await page?.close();
  page = undefined;
}
