// Playwright helpers for the UI tests (test/e2e/ui/*.ui.mjs): open the workbench the runner serves,
// open a file the way a person does, switch themes, read what the editor shows.
import { QUIET_SETTINGS, writeUserSettings } from '../../../scripts/code-server.mjs';

/** The class the workbench carries once a built-in theme is applied, e.g. 'Dark Modern'. */
function themeClass(theme) {
  return `vscode-theme-defaults-themes-${theme.toLowerCase().replaceAll(' ', '_')}-json`;
}

/** Writes the user settings with a built-in colour theme ('Dark Modern', 'Light Modern', ...). */
function writeSettings(context, theme) {
  writeUserSettings(context.home, { ...QUIET_SETTINGS, 'editor.minimap.enabled': false, 'workbench.colorTheme': theme });
}

/** Waits until the workbench lists the workspace and shows `theme`. */
async function workbenchReady(page, theme) {
  // The explorer lists the workspace once the remote connection is up.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  await page.locator(`.monaco-workbench.${themeClass(theme)}`).waitFor({ timeout: 30_000 });
}

/** Opens a fresh workbench page in `theme` (a built-in theme: 'Dark Modern', 'Light Modern', ...). */
export async function openWorkbench(context, { theme }) {
  writeSettings(context, theme);
  const page = await context.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(context.url, { waitUntil: 'domcontentloaded' });
  await workbenchReady(page, theme);
  return page;
}

/** Switches an open workbench to `theme` the way a person's settings.json would, then reloads it. */
export async function switchTheme(context, page, theme) {
  writeSettings(context, theme);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await workbenchReady(page, theme);
}

/** Opens `fileName` with Quick Open (Ctrl+P) and waits until its editor shows text. */
export async function openFile(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: fileName }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-line').first().waitFor();
}

/** Polls `probe` until it returns a value other than undefined/false; fails after `timeoutMs`. */
export async function waitFor(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The text of the status bar's language mode item (e.g. "Cable"). */
export async function languageMode(page) {
  const item = page.locator('[id="status.editor.mode"]');
  await item.waitFor();
  return (await item.innerText()).trim();
}

/**
 * Waits until the active editor is in `language` (its extension may register after the file
 * opened) and its grammar has coloured the visible lines (more than one token class).
 */
export async function editorReady(page, language) {
  await waitFor(`the language mode to become ${language}`, async () => (await languageMode(page)) === language);
  await waitFor(
    'extensions to finish activating',
    async () => (await page.locator('.statusbar-item', { hasText: 'Activating Extensions' }).count()) === 0,
  );
  await waitFor('the grammar to colour the editor', () =>
    page
      .locator('.editor-instance .monaco-editor .view-lines')
      .evaluate((lines) => new Set([...lines.querySelectorAll('span > span')].map((span) => span.className)).size > 1),
  );
}

/**
 * What the editor shows at the character `at` of `token`, on the first visible line that contains
 * `token`: the colour it is painted in and the page coordinates of its middle. Reads the rendered
 * spans, so it sees exactly what a reader sees.
 */
export async function renderedCharacter(page, token, at = 0) {
  const result = await page.locator('.editor-instance .monaco-editor .view-lines').evaluate(
    (lines, [token, at]) => {
      const text = (element) => element.textContent.replace(/\u00a0/g, ' ');
      const line = [...lines.querySelectorAll('.view-line')].find((element) => text(element).includes(token));
      if (!line) return { error: `no visible line contains ${JSON.stringify(token)}` };
      const target = text(line).indexOf(token) + at;
      let start = 0;
      for (const span of line.querySelectorAll('span > span')) {
        const length = text(span).length;
        if (start + length > target) {
          const range = document.createRange();
          range.setStart(span.firstChild, target - start);
          range.setEnd(span.firstChild, target - start + 1);
          const rect = range.getBoundingClientRect();
          return { color: getComputedStyle(span).color, x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        }
        start += length;
      }
      return { error: `no rendered token at ${JSON.stringify(token)}` };
    },
    [token, at],
  );
  if (result.error) throw new Error(result.error);
  return result;
}

/** Expands the Outline view in the side bar (it starts collapsed). */
export async function showOutline(page) {
  const header = page.locator('.pane-header', { hasText: 'Outline' });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  await page.locator('.outline-pane .monaco-list-row').first().waitFor();
}
