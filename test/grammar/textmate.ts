// Loads the Cable grammar into vscode-textmate + vscode-oniguruma (the engine VS Code runs) and
// tokenizes whole texts. Shared by the grammar tests and bench/grammar.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export const repoRoot = join(__dirname, '..', '..');
export const grammarPath = join(repoRoot, 'syntaxes', 'cable.tmLanguage.json');

export interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}

export interface TokenizedLine {
  text: string;
  tokens: Token[];
}

let wasmLoaded: Promise<void> | undefined;
let grammarPromise: Promise<textmate.IGrammar> | undefined;

function loadOniguruma(): Promise<void> {
  wasmLoaded ??= (async () => {
    const wasm = readFileSync(join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  })();
  return wasmLoaded;
}

/**
 * A registry that knows only the Cable grammar (syntaxes/cable.tmLanguage.json, or the JSON text given),
 * with a colour theme when one is given.
 */
export async function createRegistry(theme?: textmate.IRawTheme, grammarJson?: string): Promise<textmate.Registry> {
  await loadOniguruma();
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'text.cable' ? textmate.parseRawGrammar(grammarJson ?? readFileSync(grammarPath, 'utf8'), grammarPath) : null,
    ...(theme ? { theme } : {}),
  });
  return registry;
}

/** The grammar from syntaxes/cable.tmLanguage.json, loaded once per process. */
export function loadCableGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= (async () => {
    const grammar = await (await createRegistry()).loadGrammar('text.cable');
    if (!grammar) throw new Error(`cannot load ${grammarPath}`);
    return grammar;
  })();
  return grammarPromise;
}

/** Splits like VS Code does (CRLF, CR or LF). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Tokenizes a whole text line by line, carrying the rule stack as VS Code does. Throws when the engine
 * reports an endless loop (it logs those on console.error and gives up on the rest of the line).
 */
export function tokenizeText(grammar: textmate.IGrammar, text: string): TokenizedLine[] {
  const engineErrors: string[] = [];
  const originalError = console.error;
  console.error = (...args: unknown[]) => {
    engineErrors.push(args.map(String).join(' '));
  };
  try {
    let state = textmate.INITIAL;
    return splitLines(text).map((line, index) => {
      const result = grammar.tokenizeLine(line, state);
      if (engineErrors.length > 0) {
        throw new Error(`line ${index + 1}: ${engineErrors.join('; ')}\n  ${line.slice(0, 200)}`);
      }
      state = result.ruleStack;
      return { text: line, tokens: result.tokens };
    });
  } finally {
    console.error = originalError;
  }
}
