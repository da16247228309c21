// `files.exclude` patterns, matched against a path relative to its workspace folder the way
// VS Code reads them: `*` and `?` stay within a path segment, `**` spans segments, `{a,b}` picks
// one of several, `[abc]` / `[!abc]` is one character of a set.
import picomatch from 'picomatch';

/** VS Code's default `files.exclude`, used when the client has no configuration to give. */
export const DEFAULT_EXCLUDES: readonly string[] = ['**/.git', '**/.svn', '**/.hg', '**/CVS', '**/.DS_Store', '**/Thumbs.db'];

/** Always skipped: cables do not live in dependency folders, and walking them costs seconds. */
export const BUILT_IN_EXCLUDES: readonly string[] = ['**/node_modules'];

/**
 * A glob as a RegExp, with picomatch: brace sets, classes, `**` and its edge cases are a solved
 * problem there, and its patterns are built not to backtrack badly on long paths.
 */
export function compileGlob(pattern: string): RegExp {
  // VS Code writes a negated class `[!a]`; picomatch reads `[^a]`.
  const trimmed = pattern
    .replace(/^\.\//, '')
    .replace(/(?<!\/)\/+$/, '')
    .replace(/\[!/g, '[^');
  return picomatch.makeRe(trimmed, { dot: true });
}

/**
 * The patterns of a `files.exclude` value that are switched on: `true` excludes; `false` and the
 * sibling form `{ "when": "$(basename).ts" }` are not applied (the latter needs a sibling lookup
 * the index does not make).
 */
export function enabledPatterns(setting: unknown): string[] {
  if (!setting || typeof setting !== 'object') return [];
  return Object.entries(setting as Record<string, unknown>)
    .filter(([, value]) => value === true)
    .map(([pattern]) => pattern);
}

/** True when two lists hold the same patterns, in any order. */
export function samePatterns(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((pattern) => set.has(pattern));
}

/** A predicate over folder-relative paths: true when a pattern matches the path. */
export function createExcludeMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const compiled = [...patterns, ...BUILT_IN_EXCLUDES].map(compileGlob);
  return (relativePath) => compiled.some((glob) => glob.test(relativePath));
}

/** True when the path or one of its parent folders is excluded (watched-file events name files deep inside). */
export function isExcludedPathOrParent(isExcluded: (relativePath: string) => boolean, relativePath: string): boolean {
  const segments = relativePath.split('/');
  for (let n = 1; n <= segments.length; n++) {
    if (isExcluded(segments.slice(0, n).join('/'))) return true;
  }
  return false;
}
