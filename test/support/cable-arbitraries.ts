// fast-check generators of hostile text: strings built from cable words and control characters,
// and real cables mangled the way exports and editors mangle them (lines dropped, duplicated,
// truncated, shuffled; CRLF, CR, tabs, NUL, BOM, lone surrogates).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SAMPLE_CORPUS_DIR, SEED_FILE } from './corpus.ts';

/** The seed and every vendored sample cable, in both renderings. */
export const REAL_CABLES: { name: string; text: string }[] = [
  { name: '09BASRAH2.cable', text: readFileSync(SEED_FILE, 'utf8') },
  ...['plain', 'markdown-style'].flatMap((rendering) => {
    const dir = join(SAMPLE_CORPUS_DIR, rendering);
    return readdirSync(dir)
      .sort()
      .map((name) => ({ name: `${rendering}/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
  }),
];

/** Pieces that steer the parser into its branches, and the characters editors and exports leave behind. */
const PIECES = [
  '\n',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '  ',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  '\uDBFF\uDFFF',
  '\u00A0',
  '\u2028',
  '¶',
  '•',
  'é',
  '\uFFFD',
  'VZCZC',
  'VZCZCXRO4547',
  'PP RUEHDE',
  'DE RUEHBC #0002 0251427',
  'ZNY CCCCC ZZH',
  'P 251427Z JAN 09',
  'O R 010203Z FEB 33',
  'FM ',
  'TO ',
  'INFO ',
  'RUEHC/SECSTATE WASHDC PRIORITY 0820',
  'AMEMBASSY ',
  'REO BASRAH',
  'C O N F I D E N T I A L',
  'S E C R E T',
  'UNCLAS',
  'SECRET',
  'SECTION 01 OF 03',
  'BASRAH 000002',
  'LA PAZ 001234',
  'STATE ',
  'SIPDIS',
  'NOFORN',
  'E.O. 12958: DECL: 1/25/2019',
  'DECL: 13/45/20',
  'TAGS: ',
  'PGOV',
  '[PINS](#)',
  'OVIP (CLINTON, HILLARY)',
  'SUBJECT: ',
  'REF: ',
  'A. ',
  'B) ',
  '(C) ',
  '2008 BAGHDAD 3475',
  'STATE 1234',
  '(NOTAL)',
  'CLASSIFIED BY: ',
  'REASON: 1.4 (b)',
  '1.4 (d)',
  '1. ',
  '11. ',
  '¶2. ',
  '3.1. ',
  '1.(C)',
  '2. (S//NF) ',
  '(SBU)',
  '(S/REL NATO)',
  '-- ',
  '- - - -',
  '(1) ',
  'a) ',
  'Summary:',
  'END SUMMARY',
  'Comment:',
  'End comment.',
  'NOTE',
  'REF A',
  'REFTEL',
  'reftels',
  'para 4',
  'paras 2-3',
  'PARA',
  'XXXXXXXXXXXX',
  'ASTANA 00000095 002 OF 003',
  'Friday, 18 December 2009, 11:04',
  'RICE',
  'NEGRON',
  '(',
  ')',
  '[',
  ']',
  '/',
  '#',
  ':',
  '.',
  ',',
  '-',
  '*',
  '`',
  '<',
  '>',
  '_',
  '\\',
];

/** Any string at all, weighted towards cable words and control characters. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

type Mutation =
  | { kind: 'drop' | 'duplicate' | 'truncate-line'; at: number; cut: number }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'insert'; at: number; piece: string }
  | { kind: 'truncate-text'; at: number }
  | { kind: 'line-ends'; ending: '\r\n' | '\r' }
  | { kind: 'tabs' }
  | { kind: 'bom' };

/** A fraction of a length, so mutations apply to any text. */
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop', 'duplicate', 'truncate-line'), at: fraction, cut: fraction }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant('swap'), at: fraction, other: fraction }) as fc.Arbitrary<Mutation>,
  fc.record({
    kind: fc.constant('insert'),
    at: fraction,
    piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 4 })),
  }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant('truncate-text'), at: fraction }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant('line-ends'), ending: fc.constantFrom('\r\n', '\r') }) as fc.Arbitrary<Mutation>,
  fc.constant<Mutation>({ kind: 'tabs' }),
  fc.constant<Mutation>({ kind: 'bom' }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = 'at' in m ? Math.floor(m.at * lines.length) : 0;
  switch (m.kind) {
    case 'drop':
      lines.splice(line, 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(line, 0, lines[line]!);
      return lines.join('\n');
    case 'truncate-line':
      lines[line] = lines[line]!.slice(0, Math.floor(m.cut * lines[line]!.length));
      return lines.join('\n');
    case 'swap': {
      const other = Math.floor(m.other * lines.length);
      [lines[line], lines[other]] = [lines[other]!, lines[line]!];
      return lines.join('\n');
    }
    case 'insert': {
      const at = Math.floor(m.at * (text.length + 1));
      return text.slice(0, at) + m.piece + text.slice(at);
    }
    case 'truncate-text':
      return text.slice(0, Math.floor(m.at * text.length));
    case 'line-ends':
      return text.replace(/\r?\n/g, m.ending);
    case 'tabs':
      return text.replace(/ {2,}/g, '\t');
    case 'bom':
      return `\uFEFF${text}`;
  }
}

/** A real cable with up to a dozen mutations applied in turn. */
export const mangledCable: fc.Arbitrary<{ name: string; text: string }> = fc
  .tuple(fc.constantFrom(...REAL_CABLES), fc.array(mutation, { maxLength: 12 }))
  .map(([cable, mutations]) => ({ name: cable.name, text: mutations.reduce(mutate, cable.text) }));

/** Either kind of hostile text. */
export const anyCableText: fc.Arbitrary<string> = fc.oneof(
  hostileText,
  mangledCable.map((c) => c.text),
);

/** fast-check settings: `CABLE_FC_SEED` (and `CABLE_FC_PATH`) replay a failure; `CABLE_FC_RUNS_SCALE` multiplies the runs. */
export function propertyParameters(numRuns: number): fc.Parameters<unknown> {
  const scale = Number(process.env.CABLE_FC_RUNS_SCALE ?? 1);
  const parameters: fc.Parameters<unknown> = { numRuns: Math.max(1, Math.round(numRuns * scale)) };
  if (process.env.CABLE_FC_SEED) parameters.seed = Number(process.env.CABLE_FC_SEED);
  if (process.env.CABLE_FC_PATH) parameters.path = process.env.CABLE_FC_PATH;
  return parameters;
}
