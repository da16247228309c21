// Citations as a newcomer meets them in 06MADRID2657: "Cable: Show Summary" opens the card beside
// the cable, and a click on a citing cable's link there opens that cable; the code lens above the
// banner, clicked, opens the references peek view; Go to Symbol in Editor on 07MADRID173 (13
// addressees) shows its first paragraph without scrolling. A screenshot of the summary goes beside
// the seed's.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { editorReady, openFile, openWorkbench, waitFor } from './workbench.mjs';

/** Runs a command by its title from the Command Palette. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

let page;

export default [
  {
    name: 'Cable: Show Summary, then a click on a citing cable’s link opens that cable',
    async run(context) {
      page = await openWorkbench(context, { theme: 'Dark Modern' });
      await openFile(page, '06MADRID2657.cable');
      await editorReady(page, 'Cable');
      await runCommand(page, 'Cable: Show Summary');
      const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      const link = preview.locator('a', { hasText: '06MADRID3104' });
      await link.waitFor({ timeout: 30_000 });
      assert.equal(await preview.locator('body', { hasText: '](' }).count(), 0, 'the summary shows a link as raw markdown');
      await link.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(context.screenshotsDir, 'cable-summary.png') });
      await link.click();
      await page.locator('.tab.active', { hasText: '06MADRID3104.cable' }).waitFor({ timeout: 20_000 });
    },
  },
  {
    name: 'clicking the code lens “cited by 2 cables · cites 3” opens the peek view with the citing REF entries',
    async run(context) {
      // A page of its own: the summary's test left two editor groups.
      await page?.close();
      page = await openWorkbench(context, { theme: 'Dark Modern' });
      await openFile(page, '06MADRID2657.cable');
      await editorReady(page, 'Cable');
      const lens = page.locator('.codelens-decoration a', { hasText: 'cited by 2 cables · cites 3' });
      await lens.waitFor({ timeout: 30_000 });
      await lens.click();
      const peek = page.locator('.zone-widget .peekview-widget');
      await peek.waitFor({ timeout: 20_000 });
      // The two citing REF entries, and the three entries whose cables are not in the workspace.
      await waitFor('the citations in the peek view', async () => {
        const text = await peek.innerText();
        return text.includes('Locations (5)') && text.includes('06MADRID3104.cable') && text.includes('07MADRID173.cable');
      });
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'Go to Symbol in Editor shows the first paragraph of 07MADRID173 (13 addressees) on its first screen',
    async run(context) {
      // A page of its own, as a newcomer opens the cable.
      await page?.close();
      page = await openWorkbench(context, { theme: 'Dark Modern' });
      await openFile(page, '07MADRID173.cable');
      await editorReady(page, 'Cable');
      await page.keyboard.press('Control+Shift+O');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: /^\s*1\. \(C\)/ }).first();
      await row.waitFor({ timeout: 30_000 });
      // Within the list's first screen, unscrolled.
      const [box, list] = [await row.boundingBox(), await page.locator('.quick-input-list .monaco-list').boundingBox()];
      assert.ok(
        box.y + box.height <= list.y + list.height,
        `the first paragraph's row ends at ${box.y + box.height}, below the list's bottom at ${list.y + list.height}`,
      );
      await page.screenshot({ path: join(context.screenshotsDir, 'cable-go-to-symbol-addressees.png') });
      await page.keyboard.press('Escape');
    },
  },
];

export async function cleanUp() {
  await page?.close();
}
