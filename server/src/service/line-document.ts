// The open documents' text as lines, for the LSP server's text sync. The text-document library
// keeps one string and builds a new one at each change (the parts before and after the change
// joined), which V8 copies whole at the next change or read: 1.5-3.8 ms a keystroke in a 1 MB
// cable, more than the re-parse. Here a change replaces the lines it touches, and a line's offset
// is kept for `offsetAt` and `positionAt`; the whole text is joined only when asked for. It gives
// what the library gives (test/service/line-document.test.ts); a text with a CR (whose line ends
// the library reads in its own way) stays with the library.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { indexAfter, spliceItems, splitLines } from '../model/text.ts';

class LineDocument implements TextDocument {
  /** Offset of each line's start in the text. */
  private starts: number[];
  /** The whole text, once joined, until the next change. */
  private joined: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    /** The text's lines, without their line ends (each is one LF). */
    private lines: string[],
    text?: string,
  ) {
    this.starts = lineStarts(lines, 0);
    this.joined = text;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  private get length(): number {
    const last = this.lines.length - 1;
    return this.starts[last]! + this.lines[last]!.length;
  }

  getText(range?: Range): string {
    if (!range) return (this.joined ??= this.lines.join('\n'));
    const [start, end] = this.clamped(range);
    if (start.line === end.line) return this.lines[start.line]!.slice(start.character, end.character);
    return [
      this.lines[start.line]!.slice(start.character),
      ...this.lines.slice(start.line + 1, end.line),
      this.lines[end.line]!.slice(0, end.character),
    ].join('\n');
  }

  /** The range's ends within the text and in order, as the library takes a range. */
  private clamped(range: Range): [Position, Position] {
    const start = this.positionAt(this.offsetAt(range.start));
    const end = this.positionAt(this.offsetAt(range.end));
    return start.line > end.line || (start.line === end.line && start.character > end.character) ? [end, start] : [start, end];
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines.length) return this.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line]!;
    if (position.character <= 0) return start;
    return start + Math.min(position.character, this.lines[position.line]!.length);
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.length), 0);
    const line = indexAfter(this.starts, at, (start) => start) - 1;
    return { line, character: at - this.starts[line]! };
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = Math.min(line, this.lines.length - 1);
    return { start: { line: at, character: 0 }, end: { line: at, character: this.lines[at]!.length } };
  }

  getEOLCharacters(line: number): string {
    return line >= 0 && line < this.lines.length - 1 ? '\n' : '';
  }

  /** Replaces `range` (taken as the library takes it: clamped, its ends in order) by `text`, which has no CR. */
  replace(range: Range, text: string): void {
    const [start, end] = this.clamped(range);
    const replaced = splitLines(this.lines[start.line]!.slice(0, start.character) + text + this.lines[end.line]!.slice(end.character));
    const removedLength = this.offsetAt(end) - this.offsetAt(start);
    const diff = text.length - removedLength;
    // The starts of the new lines after the first (whose start stays).
    const added = lineStarts(replaced, this.starts[start.line]!).slice(1);
    this.lines = spliceItems(this.lines, start.line, end.line - start.line + 1, replaced);
    this.starts = spliceItems(this.starts, start.line + 1, end.line - start.line, added);
    for (let i = start.line + replaced.length; i < this.starts.length; i++) this.starts[i]! += diff;
    this.joined = undefined;
  }
}

/** The offsets of each line's start, the first at `from`. */
function lineStarts(lines: readonly string[], from: number): number[] {
  const starts = new Array<number>(lines.length);
  let offset = from;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = offset;
    offset += lines[i]!.length + 1;
  }
  return starts;
}

/** A document of `text`: kept as lines unless it has a CR. */
export function createDocument(uri: string, languageId: string, version: number, text: string): TextDocument {
  return text.includes('\r')
    ? TextDocument.create(uri, languageId, version, text)
    : new LineDocument(uri, languageId, version, splitLines(text), text);
}

/** The document after `changes` (in order), as `TextDocument.update` gives it. */
export function updateDocument(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
  let current = document;
  for (const change of changes) {
    if (current instanceof LineDocument && 'range' in change && !change.text.includes('\r')) {
      current.replace(change.range, change.text);
    } else if (!('range' in change)) {
      current = createDocument(current.uri, current.languageId, version, change.text);
    } else {
      // A CR arrives: the library reads the text from here on.
      const full =
        current instanceof LineDocument
          ? TextDocument.create(current.uri, current.languageId, current.version, current.getText())
          : current;
      current = TextDocument.update(full, [change], version);
    }
  }
  if (current instanceof LineDocument) current.version = version;
  return current;
}
