// File URIs as the index compares them. Clients encode URIs differently (VS Code writes
// `file:///c%3A/x`, Node `file:///C:/x`), so files are compared by a key: the decoded path with
// `/` separators, and a lower-case drive letter.
import { fileURLToPath } from 'node:url';

export function uriKey(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri)
      .replace(/\\/g, '/')
      .replace(/^([A-Za-z]):/, (_, drive: string) => `${drive.toLowerCase()}:`);
  } catch {
    return uri;
  }
}

/** The key's path below a folder's key, or undefined when it is not inside the folder. */
export function relativeKey(folderKey: string, fileKey: string): string | undefined {
  const prefix = folderKey.endsWith('/') ? folderKey : `${folderKey}/`;
  return fileKey.startsWith(prefix) ? fileKey.slice(prefix.length) : undefined;
}

/** `file:///a/b/08BAGHDAD3475.cable` → `08BAGHDAD3475.cable`. */
export function baseName(uri: string): string {
  const key = uriKey(uri);
  return key.slice(key.lastIndexOf('/') + 1);
}

export function extensionOf(uri: string): string {
  const name = baseName(uri);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
