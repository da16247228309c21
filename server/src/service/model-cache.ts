// Parses each document version once: outline, hover and definition on the same version share
// one model. Least recently used entries go first when the cache is full. A document over
// `cable.maxFileSize` gets the light model of its head (file-size.ts). An edit the client sent
// (`edited`) is applied to the previous version's model by the incremental re-parse
// (model/reparse.ts), which reads again only the paragraphs it touches; anything else, or an
// edit chain with a gap, parses the whole text.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CableModel } from '../model/cable-model.ts';
import { parsedText, reparse, type ParsedText, type TextEdit } from '../model/reparse.ts';
import { splitLines } from '../model/text.ts';
import { DEFAULT_MAX_FILE_SIZE, parseWithinLimit } from '../workspace/file-size.ts';
import { baseName, uriKey } from '../workspace/uri-keys.ts';

/** A change of a document's text as the LSP sends it: a range and its new text, or the whole text. */
export type ContentChange = TextEdit | { text: string };

/** Edits kept for a version no request has asked about yet; beyond, the whole text is parsed. */
const MAX_PENDING_EDITS = 1000;

interface Entry {
  version: number;
  model: CableModel;
  /** The text and lines the re-parse starts from; made from `text` at the first edit. */
  parsed?: ParsedText;
  /** The text of `version`, kept until an edit needs its lines; absent when only a whole parse may read it. */
  text?: string;
  /** Edits since `version`, in order, each with the version it makes; undefined when one was missed or cannot be applied. */
  edits: { version: number; edit: TextEdit }[] | undefined;
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
    const entry = (cached && this.reparsed(cached, document)) ?? this.parsed(document);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry.model;
  }

  /**
   * The client changed the document from version `from` to `to` (the changes as applied, in
   * order): kept for the next `get`, which re-parses only what they touch.
   */
  edited(uri: string, from: number, changes: readonly ContentChange[], to: number): void {
    const entry = this.entries.get(uriKey(uri));
    if (!entry?.edits) return;
    const last = entry.edits.length ? entry.edits[entry.edits.length - 1]!.version : entry.version;
    if (last !== from || entry.edits.length + changes.length > MAX_PENDING_EDITS || !changes.every((c) => 'range' in c)) {
      entry.edits = undefined;
      return;
    }
    for (const change of changes) entry.edits.push({ version: to, edit: change as TextEdit });
  }

  /** The lines of this version of the document: those the re-parse keeps, else the text split. */
  lines(document: TextDocument): readonly string[] {
    const entry = this.entries.get(uriKey(document.uri));
    return entry?.version === document.version && entry.parsed ? entry.parsed.lines : splitLines(document.getText());
  }

  delete(uri: string): void {
    this.entries.delete(uriKey(uri));
  }

  /** Forgets every model (the cap changed). */
  clear(): void {
    this.entries.clear();
  }

  private parsed(document: TextDocument): Entry {
    const text = document.getText();
    const maxBytes = this.maxFileSize();
    const model = parseWithinLimit(text, { fileName: baseName(document.uri) }, maxBytes);
    // Only a text surely within the cap is followed through edits (each UTF-16 unit is at most 3 bytes).
    const followed = text.length * 3 <= maxBytes;
    return followed ? { version: document.version, model, text, edits: [] } : { version: document.version, model, edits: undefined };
  }

  /** The entry of `document` from the cached version and the edits since, when they lead to this version and the re-parse can apply them. */
  private reparsed(cached: Entry, document: TextDocument): Entry | undefined {
    const edits = cached.edits;
    if (!edits?.length || edits[edits.length - 1]!.version !== document.version) return undefined;
    let parsed = cached.parsed ?? (cached.text === undefined ? undefined : parsedText(cached.text, cached.model));
    for (const { edit } of edits) parsed = parsed && reparse(parsed, edit);
    // The edits must give the editor's text: the same length (the offset of its end) and lines, and still within the cap.
    const length = document.offsetAt({ line: document.lineCount, character: 0 });
    if (!parsed || parsed.length !== length || parsed.lines.length !== document.lineCount) return undefined;
    if (parsed.length * 3 > this.maxFileSize()) return undefined;
    return { version: document.version, model: parsed.model, parsed, edits: [] };
  }
}
