// Parses each document version once: outline, hover and definition on the same version share
// one model. Least recently used entries go first when the cache is full.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCable, type CableModel } from '../model/index.ts';
import { baseName, uriKey } from './uri.ts';

interface Entry {
  version: number;
  model: CableModel;
}

export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 64) {}

  get(document: TextDocument): CableModel {
    const key = uriKey(document.uri);
    const cached = this.entries.get(key);
    this.entries.delete(key);
    if (cached && cached.version === document.version) {
      this.entries.set(key, cached);
      return cached.model;
    }
    const model = parseCable(document.getText(), { fileName: baseName(document.uri) });
    this.entries.set(key, { version: document.version, model });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return model;
  }

  delete(uri: string): void {
    this.entries.delete(uriKey(uri));
  }
}
