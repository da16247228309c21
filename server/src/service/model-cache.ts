// Parses each document version once: outline, hover and definition on the same version share
// one model. Least recently used entries go first when the cache is full. A document over
// `cable.maxFileSize` gets the light model of its head (file-size.ts).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CableModel } from '../model/cable-model.ts';
import { DEFAULT_MAX_FILE_SIZE, parseWithinLimit } from '../workspace/file-size.ts';
import { baseName, uriKey } from '../workspace/uri-keys.ts';

interface Entry {
  version: number;
  model: CableModel;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly capacity = 64,
    /** Bytes; read on each parse, so a changed setting applies to the next version (or after `clear`). */
    private readonly maxFileSize: () => number = () => DEFAULT_MAX_FILE_SIZE,
  ) {}

  get(document: TextDocument): CableModel {
    const key = uriKey(document.uri);
    const cached = this.entries.get(key);
    this.entries.delete(key);
    if (cached && cached.version === document.version) {
      this.entries.set(key, cached);
      return cached.model;
    }
    const model = parseWithinLimit(document.getText(), { fileName: baseName(document.uri) }, this.maxFileSize());
    this.entries.set(key, { version: document.version, model });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return model;
  }

  delete(uri: string): void {
    this.entries.delete(uriKey(uri));
  }

  /** Forgets every model (the cap changed). */
  clear(): void {
    this.entries.clear();
  }
}
