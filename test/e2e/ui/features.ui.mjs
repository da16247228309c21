// The language features as a person uses them: Go to Symbol in Editor, a hover under the mouse,
// F12 on a REF entry. Screenshots of the first two go beside the seed's.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { editorReady, openFile, openWorkbench, renderedCharacter, waitFor } from './workbench.mjs';

let page;
async function workbench(context) {
  page ??= await openWorkbench(context, { theme: 'Light Modern' });
  return page;
}

export default [
  {
    name: 'Go to Symbol in Editor (Ctrl+Shift+O) lists the paragraphs of the seed',
    async run(context) {
      const page = await workbench(context);
      await openFile(page, '09BASRAH2.cable');
      await editorReady(page, 'Cable');
      await page.keyboard.press('Control+Shift+O');
      const rows = page.locator('.quick-input-list .monaco-list-row');
      const paragraphs = await waitFor('the paragraphs among the symbols', async () => {
        const labels = await rows.allInnerTexts();
        const found = labels.map((label) => label.trim()).filter((label) => /^\d\. \(C\)/.test(label));
        return found.length >= 2 ? found : undefined;
      });
      assert.match(paragraphs[0], /^1\. \(C\) Summary: Meeting with the REO Director/);
      await page.screenshot({ path: join(context.screenshotsDir, 'cable-go-to-symbol.png') });
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'hovering PINS in the TAGS line shows its meaning',
    async run(context) {
      const page = await workbench(context);
      await openFile(page, '09BASRAH2.cable');
      await editorReady(page, 'Cable');
      const { x, y } = await renderedCharacter(page, '[PINS]', 2);
      await page.mouse.move(x, y);
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'PINS' });
      await hover.waitFor({ timeout: 20_000 });
      assert.match(await hover.innerText(), /National Security/);
      await page.screenshot({ path: join(context.screenshotsDir, 'cable-hover.png') });
      await page.mouse.move(0, 0);
    },
  },
  {
    name: 'F12 on a REF entry opens the cited cable',
    async run(context) {
      const page = await workbench(context);
      await openFile(page, '07MADRID173.cable');
      await editorReady(page, 'Cable');
      const { x, y } = await renderedCharacter(page, 'A. 2006 MADRID 3104', 10);
      const cited = page.locator('.tab.active', { hasText: '06MADRID3104.cable' });
      // Pressed again while the editor has not yet wired the server's definitions (seen once in six
      // full runs: the first F12 found nothing); a cable that opens is what the test asks.
      await waitFor('F12 to open 06MADRID3104.cable', async () => {
        await page.mouse.click(x, y);
        await page.keyboard.press('F12');
        return cited.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => false,
        );
      });
    },
  },
];

export async function cleanUp() {
  await page?.close();
}
