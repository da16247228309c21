// The `cable.*` settings: what a user may switch off. The client sends them as one object
// (`workspace/configuration` for section `cable`, or the `settings.cable` of a configuration
// change); anything missing or of the wrong type keeps its default, so odd input changes nothing.
import { DIAGNOSTIC_CODES } from '../features/diagnostics.ts';

export interface CableSettings {
  diagnostics: { enabled: boolean; codes: Record<string, boolean> };
  codeLens: boolean;
  documentLinks: boolean;
  semanticHighlighting: boolean;
  completion: boolean;
}

export const DEFAULT_SETTINGS: CableSettings = {
  diagnostics: { enabled: true, codes: Object.fromEntries(Object.keys(DIAGNOSTIC_CODES).map((code) => [code, true])) },
  codeLens: true,
  documentLinks: true,
  semanticHighlighting: true,
  completion: true,
};

function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  const inner = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : undefined;
}

function flag(section: Record<string, unknown> | undefined, key: string, fallback: boolean): boolean {
  const value = section?.[key];
  return typeof value === 'boolean' ? value : fallback;
}

/** Settings from the client's `cable` section (VS Code nests `cable.codeLens.enabled` as `{ codeLens: { enabled } }`). */
export function readSettings(section: unknown): CableSettings {
  const cable = section && typeof section === 'object' && !Array.isArray(section) ? (section as Record<string, unknown>) : undefined;
  const diagnostics = objectAt(cable, 'diagnostics');
  const enabled = (key: string, fallback: boolean) => flag(objectAt(cable, key), 'enabled', fallback);
  return {
    diagnostics: {
      enabled: flag(diagnostics, 'enabled', DEFAULT_SETTINGS.diagnostics.enabled),
      codes: Object.fromEntries(Object.keys(DIAGNOSTIC_CODES).map((code) => [code, flag(diagnostics, code, true)])),
    },
    codeLens: enabled('codeLens', DEFAULT_SETTINGS.codeLens),
    documentLinks: enabled('documentLinks', DEFAULT_SETTINGS.documentLinks),
    semanticHighlighting: enabled('semanticHighlighting', DEFAULT_SETTINGS.semanticHighlighting),
    completion: enabled('completion', DEFAULT_SETTINGS.completion),
  };
}

export function isDiagnosticEnabled(settings: CableSettings, code: string): boolean {
  return settings.diagnostics.enabled && settings.diagnostics.codes[code] !== false;
}
