// The seed cable as a person sees it in VS Code: its language mode, its colours in a dark and a
// light theme, and screenshots of both (written to $CABLE_SCREENSHOTS_DIR, default dist/screenshots).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { editorReady, languageMode, openFile, openWorkbench, renderedCharacter, showOutline, switchTheme } from './workbench.mjs';

const SEED = '09BASRAH2.cable';

/** One part of each kind a reader tells apart at a glance: [unique text on its line, index of the character to check]. */
const DISTINCT_PARTS = {
  'routing indicator in the header': ['DE RUEHBC', 3],
  'TAGS code': ['[PINS]', 1],
  'paragraph marking': ['11. (C) Summary', 5],
  'paragraph text': ['11. (C) Summary: Meeting', 17],
};

// One page for the whole file, reloaded to switch theme.
let page;
let pageTheme;
async function seedIn(context, theme) {
  if (!page) page = await openWorkbench(context, { theme });
  else if (pageTheme !== theme) await switchTheme(context, page, theme);
  pageTheme = theme;
  await openFile(page, SEED);
  await editorReady(page, 'Cable');
  await showOutline(page);
  return page;
}

function themeTests(theme, fileName) {
  return [
    {
      name: `${theme}: the seed opens as a Cable document; screenshot ${fileName}`,
      async run(context) {
        const page = await seedIn(context, theme);
        assert.equal(await languageMode(page), 'Cable');
        // What the README's screenshot shows: the lens above the banner, and no colour swatch
        // before `#0002` of the DE line (the editor defaults switch the default colour decorators off).
        await page.locator('.codelens-decoration', { hasText: 'cited by 0 cables · cites 1' }).waitFor({ timeout: 60_000 });
        assert.equal(await page.locator('.editor-instance .colorpicker-color-decoration').count(), 0, 'a colour swatch is shown');
        const shot = await page.screenshot({ path: join(context.screenshotsDir, fileName) });
        assert.ok(shot.length > 10_000, `a screenshot of ${shot.length} bytes is too small to show the editor`);
      },
    },
    {
      name: `${theme}: header, TAGS, paragraph marking and text have distinct colours`,
      async run(context) {
        const page = await seedIn(context, theme);
        const colors = {};
        for (const [part, [token, at]] of Object.entries(DISTINCT_PARTS)) colors[part] = (await renderedCharacter(page, token, at)).color;
        assert.equal(new Set(Object.values(colors)).size, Object.keys(colors).length, `colours: ${JSON.stringify(colors)}`);
      },
    },
  ];
}

export default [...themeTests('Dark Modern', 'cable-dark.png'), ...themeTests('Light Modern', 'cable-light.png')];

export async function cleanUp() {
  await page?.close();
}
