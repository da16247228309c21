// Quick fixes where the fix is obvious: renumber a run of paragraphs in order; mark an unmarked
// paragraph `(U)` (the drafter decides the level; `(U)` is the one marking that never over-classifies
// and is the usual default for a drafter to raise).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver-types';
import type { CableModel, Paragraph, Range } from '../model/cable-model.ts';
import { numberingRuns, type CableDiagnostic } from './diagnostics.ts';
import { comparePositions } from './ranges.ts';

/** A quick fix, naming the diagnostics it fixes (the LSP layer encodes them). */
export interface CableQuickFix extends Omit<CodeAction, 'diagnostics'> {
  diagnostics: CableDiagnostic[];
}

/** The label with its number changed: `¶3.` → `¶4.`; in the lost-pilcrow export `13.` → `14.`. */
export function renumberedLabel(label: string, from: number, to: number, lostPilcrow: boolean): string | undefined {
  const written = lostPilcrow ? `1${from}` : String(from);
  const at = label.indexOf(written);
  if (at < 0) return undefined;
  return `${label.slice(0, at)}${lostPilcrow ? `1${to}` : String(to)}${label.slice(at + written.length)}`;
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

function sameStart(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0;
}

function renumberRun(model: CableModel, uri: string, run: Paragraph[], fixes: CableDiagnostic[]): CableQuickFix | undefined {
  const edits: TextEdit[] = [];
  run.forEach((paragraph, i) => {
    if (paragraph.number === i + 1) return;
    const label = renumberedLabel(paragraph.label.text, paragraph.number, i + 1, model.lostPilcrow);
    if (label !== undefined) edits.push({ range: paragraph.label.range, newText: label });
  });
  if (edits.length === 0) return undefined;
  return {
    title: `Renumber paragraphs 1–${run.length} in order`,
    kind: CodeActionKind.QuickFix,
    diagnostics: fixes,
    isPreferred: true,
    edit: { changes: { [uri]: edits } },
  };
}

/** Where `(U)` goes: after the label and its space, so `¶1. Text` becomes `¶1. (U) Text`. */
function markingEdit(document: TextDocument, paragraph: Paragraph): TextEdit {
  const end = paragraph.label.range.end;
  const next = document.getText({ start: end, end: { line: end.line, character: end.character + 1 } });
  return next === ' '
    ? {
        range: { start: { line: end.line, character: end.character + 1 }, end: { line: end.line, character: end.character + 1 } },
        newText: '(U) ',
      }
    : { range: { start: end, end }, newText: ' (U)' };
}

/** Quick fixes for the enabled diagnostics that touch `range`. */
export function quickFixes(model: CableModel, document: TextDocument, range: Range, diagnostics: CableDiagnostic[]): CableQuickFix[] {
  const here = diagnostics.filter((d) => overlaps(d.range, range));
  const actions: CableQuickFix[] = [];

  const numbering = here.filter((d) => d.code === 'paragraph-numbering');
  for (const run of numberingRuns(model)) {
    const fixes = numbering.filter((d) => run.some((p) => sameStart(p.label.range, d.range)));
    if (fixes.length === 0) continue;
    const action = renumberRun(model, document.uri, run, fixes);
    if (action) actions.push(action);
  }

  const unmarked = diagnostics.filter((d) => d.code === 'unmarked-paragraph');
  for (const d of here.filter((d) => d.code === 'unmarked-paragraph')) {
    const paragraph = model.paragraphs.find((p) => sameStart(p.label.range, d.range));
    if (!paragraph) continue;
    actions.push({
      title: `Mark paragraph ${paragraph.number} (U)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [document.uri]: [markingEdit(document, paragraph)] } },
    });
  }
  if (actions.some((a) => a.title.startsWith('Mark paragraph')) && unmarked.length > 1) {
    const paragraphs = unmarked
      .map((d) => model.paragraphs.find((p) => sameStart(p.label.range, d.range)))
      .filter((p): p is Paragraph => p !== undefined);
    actions.push({
      title: `Mark all ${paragraphs.length} unmarked paragraphs (U)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: unmarked,
      edit: { changes: { [document.uri]: paragraphs.map((p) => markingEdit(document, p)) } },
    });
  }
  return actions;
}
