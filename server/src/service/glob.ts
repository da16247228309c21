// `files.exclude` patterns, matched against a path relative to its workspace folder the way
// VS Code reads them: `*` and `?` stay within a path segment, `**` spans segments, `{a,b}` picks
// one of several, `[abc]` / `[!abc]` is one character of a set.

/** VS Code's default `files.exclude`, used when the client has no configuration to give. */
export const DEFAULT_EXCLUDES: readonly string[] = ['**/.git', '**/.svn', '**/.hg', '**/CVS', '**/.DS_Store', '**/Thumbs.db'];

/** Always skipped: cables do not live in dependency folders, and walking them costs seconds. */
export const BUILT_IN_EXCLUDES: readonly string[] = ['**/node_modules'];

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

function translate(pattern: string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const atStart = i === 0 || pattern[i - 1] === '/';
      const atEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
      if (atStart && pattern[i + 2] === '/') {
        out += '(?:.*/)?'; // `**/` matches zero or more whole segments
        i += 3;
        continue;
      }
      out += atStart && atEnd ? '.*' : '[^/]*';
      i += 2;
      continue;
    }
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const close = pattern.indexOf('}', i);
      if (close < 0) out += '\\{';
      else {
        out += `(?:${pattern.slice(i + 1, close).split(',').map(translate).join('|')})`;
        i = close + 1;
        continue;
      }
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        const body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        out += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`;
        i = close + 1;
        continue;
      }
    } else out += escapeRegExp(c);
    i++;
  }
  return out;
}

export function compileGlob(pattern: string): RegExp {
  const trimmed = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  return new RegExp(`^${translate(trimmed)}$`);
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
