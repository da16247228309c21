// Resolves, with VS Code's own default colour themes, the colour of the parts of a cable a reader must
// tell apart at once, and checks each differs from the colour of plain text in every theme: dark,
// light and high contrast. The themes ship with VS Code (here: the code-server that the e2e tests
// install under .tools/); the test is skipped, with a message, when they are not there.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as textmate from 'vscode-textmate';
import { createRegistry, repoRoot, splitLines } from './textmate.ts';

const themesDir = join(
  repoRoot,
  '.tools',
  'code-server',
  'node_modules',
  'code-server',
  'lib',
  'vscode',
  'extensions',
  'theme-defaults',
  'themes',
);
const THEMES = [
  'dark_plus.json',
  'dark_modern.json',
  '2026-dark.json',
  'light_plus.json',
  'light_modern.json',
  '2026-light.json',
  'hc_black.json',
  'hc_light.json',
];

type ThemeRule = textmate.IRawTheme['settings'][number];

interface ThemeFile {
  name?: string;
  include?: string;
  colors?: Record<string, string>;
  tokenColors?: ThemeRule[];
}

/** A theme with its `include` chain resolved, as VS Code reads it (base rules first). */
function readTheme(file: string): { name: string; colors: Record<string, string>; settings: ThemeRule[] } {
  const theme = JSON.parse(readFileSync(join(themesDir, file), 'utf8')) as ThemeFile;
  const base = theme.include ? readTheme(theme.include.replace(/^\.\//, '')) : { name: '', colors: {}, settings: [] };
  return {
    name: theme.name ?? file,
    colors: { ...base.colors, ...theme.colors },
    settings: [...base.settings, ...(theme.tokenColors ?? [])],
  };
}

// The foreground colour index in a token's metadata (vscode-textmate's EncodedTokenAttributes layout).
const foregroundOf = (metadata: number) => (metadata & 0x00ff8000) >>> 15;

const SAMPLE = `VZCZCXRO4547
PP RUEHDE RUEHIHL
DE RUEHBC #0002 0251427
ZNY CCCCC ZZH
P 251427Z JAN 09
FM REO BASRAH
TO RUEHC/SECSTATE WASHDC PRIORITY 0820

C O N F I D E N T I A L BASRAH 000002

SIPDIS

E.O. 12958: DECL: 1/25/2019
TAGS: PGOV PINS ASEC IZ IR
SUBJECT: MAJOR GENERAL AZIZ CONFIDENT ABOUT SECURITY

¶1. (S//NF) Summary: plain words of a paragraph.`;

/** Parts a reader must see: [line, text]. */
const PARTS: Array<[string, number, string]> = [
  ['transmission line', 0, 'VZCZC'],
  ['precedence', 1, 'PP'],
  ['routing indicator', 1, 'RUEHDE'],
  ['prosign DE', 2, 'DE'],
  ['security prosign', 3, 'CCCCC'],
  ['date-time group', 4, '251427Z JAN 09'],
  ['address keyword', 5, 'FM'],
  ['classification', 8, 'C O N F I D E N T I A L'],
  ['caption', 10, 'SIPDIS'],
  ['E.O.', 12, 'E.O.'],
  ['TAGS label', 13, 'TAGS'],
  ['TAGS code', 13, 'PGOV'],
  ['SUBJECT label', 14, 'SUBJECT'],
  ['paragraph number', 16, '¶1.'],
  ['portion marking', 16, '(S//NF)'],
];

describe('default colour themes', { skip: existsSync(themesDir) ? false : `no VS Code themes at ${themesDir}` }, () => {
  for (const file of THEMES.filter((f) => existsSync(join(themesDir, f)))) {
    test(file, async (t) => {
      const theme = readTheme(file);
      const text = theme.colors['editor.foreground'] ?? theme.colors['foreground'] ?? '#888888';
      const defaults: ThemeRule = { settings: { foreground: text } };
      const registry = await createRegistry({ name: theme.name, settings: [defaults, ...theme.settings] });
      const grammar = (await registry.loadGrammar('text.cable'))!;
      const colorMap = registry.getColorMap();
      let state = textmate.INITIAL;
      const colours = splitLines(SAMPLE).map((line) => {
        const result = grammar.tokenizeLine2(line, state);
        state = result.ruleStack;
        const perChar: string[] = [];
        for (let i = 0; i < result.tokens.length; i += 2) {
          const end = i + 2 < result.tokens.length ? result.tokens[i + 2]! : line.length;
          for (let c = result.tokens[i]!; c < end; c++) perChar[c] = colorMap[foregroundOf(result.tokens[i + 1]!)]!;
        }
        return perChar;
      });
      const lines = splitLines(SAMPLE);
      const plain = colours[16]![lines[16]!.indexOf('plain')]!;
      const seen = PARTS.map(([part, line, text]) => ({ part, colour: colours[line]![lines[line]!.indexOf(text)]! }));
      t.diagnostic(`${theme.name}: text ${plain}; ${seen.map((s) => `${s.part} ${s.colour}`).join(', ')}`);
      const plainParts = seen.filter((s) => s.colour.toLowerCase() === plain.toLowerCase()).map((s) => s.part);
      assert.deepEqual(plainParts, [], `${theme.name} shows these like plain text`);
    });
  }
});
