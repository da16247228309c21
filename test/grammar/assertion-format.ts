// Interpreter of the grammar assertion files in test/grammar/cases/*.cable, in the style of
// vscode-tmgrammar-test. The files are cables, so the comment syntax had to be one no cable uses:
// a line starting with `#|` (no line of the 1,962 corpus files starts with `#`; the station serial
// line `#0002` is followed by digits). Format: see test/grammar/cases/README.md.
//
//   #| ^^^^^ scope.a.cable scope.b.cable   the columns under the carets carry every listed scope
//   #| ^^^ - scope.c.cable                  ... and none of the scopes after a lone `-`
//   #|<-- scope.a.cable                     the first n columns (n = number of dashes), for columns
//                                           that the `#|` prefix itself hides
//   #|# any text                            a comment
//
// Assertion and comment lines are removed before tokenizing; an assertion refers to the nearest source
// line above it.
import type { TokenizedLine } from './textmate.ts';

export const ASSERTION_PREFIX = '#|';

export interface Assertion {
  /** 1-based line of the assertion in the case file, for messages. */
  fileLine: number;
  /** 0-based index of the source line it refers to, in the text given to the tokenizer. */
  sourceLine: number;
  columns: number[];
  present: string[];
  absent: string[];
}

export interface CaseFile {
  source: string;
  assertions: Assertion[];
}

/** Splits a case file into the cable text and its assertions; throws on a malformed assertion. */
export function parseCaseFile(text: string, fileName: string): CaseFile {
  const sourceLines: string[] = [];
  const assertions: Assertion[] = [];
  text.split('\n').forEach((line, index) => {
    const fileLine = index + 1;
    if (!line.startsWith(ASSERTION_PREFIX)) {
      sourceLines.push(line);
      return;
    }
    const body = line.slice(ASSERTION_PREFIX.length);
    if (body.startsWith('#')) return;
    const where = `${fileName}:${fileLine}`;
    if (sourceLines.length === 0) throw new Error(`${where}: assertion before any source line`);
    let columns: number[];
    let rest: string;
    const leftArrow = /^<(-+)/.exec(body);
    if (leftArrow) {
      columns = Array.from({ length: leftArrow[1]!.length }, (_, i) => i);
      rest = body.slice(leftArrow[0].length);
    } else {
      const carets = /^[ ^]*/.exec(body)![0];
      columns = [...carets].flatMap((c, i) => (c === '^' ? [ASSERTION_PREFIX.length + i] : []));
      rest = body.slice(carets.length);
    }
    if (columns.length === 0) throw new Error(`${where}: no ^ or <- marks the columns`);
    const words = rest.trim().split(/\s+/).filter(Boolean);
    const dash = words.indexOf('-');
    const present = dash < 0 ? words : words.slice(0, dash);
    const absent = dash < 0 ? [] : words.slice(dash + 1);
    if (present.length + absent.length === 0) throw new Error(`${where}: no scope to check`);
    assertions.push({ fileLine, sourceLine: sourceLines.length - 1, columns, present, absent });
  });
  if (assertions.length === 0) throw new Error(`${fileName}: no assertion`);
  return { source: sourceLines.join('\n'), assertions };
}

/** Messages for every assertion the tokens break (empty when all hold). */
export function checkAssertions(fileName: string, assertions: Assertion[], lines: TokenizedLine[]): string[] {
  const failures: string[] = [];
  for (const assertion of assertions) {
    const line = lines[assertion.sourceLine]!;
    for (const column of assertion.columns) {
      const where = `${fileName}:${assertion.fileLine} (column ${column} of ${JSON.stringify(line.text.slice(0, 80))})`;
      if (column >= line.text.length) {
        failures.push(`${where}: the line is only ${line.text.length} characters long`);
        continue;
      }
      const token = line.tokens.find((t) => t.startIndex <= column && column < t.endIndex)!;
      const missing = assertion.present.filter((s) => !token.scopes.includes(s));
      const unwanted = assertion.absent.filter((s) => token.scopes.includes(s));
      if (missing.length + unwanted.length > 0) {
        const found = token.scopes.slice(1).join(' ') || '(no scope)';
        const wrong = [...missing.map((s) => `missing ${s}`), ...unwanted.map((s) => `unwanted ${s}`)].join(', ');
        failures.push(`${where}: ${wrong}; token ${JSON.stringify(line.text.slice(token.startIndex, token.endIndex))} has ${found}`);
        break; // one message per assertion line is enough
      }
    }
  }
  return failures;
}
