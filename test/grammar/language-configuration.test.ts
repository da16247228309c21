// language-configuration.json and the language contribution in package.json, read the way VS Code
// reads them: the word pattern as `new RegExp(pattern, flags)` plus `g`, firstLine with `^` in front,
// against the first line only.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from './textmate.ts';

const configuration = JSON.parse(readFileSync(join(repoRoot, 'language-configuration.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const cable = manifest.contributes.languages.find((l: { id: string }) => l.id === 'cable');

const wordPattern = new RegExp(configuration.wordPattern.pattern, `${configuration.wordPattern.flags}g`);

/** The word VS Code selects on a double-click at `column` (the match that contains it). */
function wordAt(text: string, column: number): string | undefined {
  for (const m of text.matchAll(wordPattern)) {
    if (m.index! <= column && column < m.index! + m[0].length) return m[0];
  }
  return undefined;
}

describe('language configuration', () => {
  test('double-click keeps cable identifiers whole', () => {
    const cases: Array<[string, string]> = [
      ['cable 09BASRAH2 was', '09BASRAH2'],
      ['TO RUEHC/SECSTATE WASHDC', 'RUEHC'],
      ['DE RUEHBC #0002', 'RUEHBC'],
      ['¶3. (S//NF) text', 'S//NF'],
      ['¶4. (C/NF) text', 'C/NF'],
      ['(U//FOUO)', 'U//FOUO'],
      ['REASON: 1.4(b)', '1.4(b)'],
      ['reasons 1.4 (d).', '1.4 (d)'],
      ['E.O. 12958: DECL', 'E.O.'],
      ['Ba’ath Party', 'Ba’ath'],
      ['ABU DHABI 002641', '002641'],
      ['Negrón, Director', 'Negrón'],
    ];
    for (const [text, word] of cases) {
      const column = text.indexOf(word) + Math.floor(word.length / 2);
      assert.equal(wordAt(text, column), word, `in ${JSON.stringify(text)}`);
    }
  });

  test('words stop at punctuation and hyphens', () => {
    assert.equal(wordAt('al-Aziz said', 5), 'Aziz');
    assert.equal(wordAt('(SIPDIS)', 3), 'SIPDIS');
    assert.equal(wordAt('[PGOV](#)', 2), 'PGOV');
  });

  test('brackets, auto-closing and surrounding pairs', () => {
    assert.deepEqual(configuration.brackets, [
      ['(', ')'],
      ['[', ']'],
    ]);
    const opens = (pairs: Array<{ open: string } | string[]>) => pairs.map((p) => (Array.isArray(p) ? p[0] : p.open));
    assert.deepEqual(opens(configuration.autoClosingPairs), ['(', '[', '"']);
    for (const open of ['(', '[', '"', '“']) assert.ok(opens(configuration.surroundingPairs).includes(open), open);
  });

  test('no bracket-pair colours on (C), no colour swatch before #0002, long export lines wrap', () => {
    // Markings carry their own colour from the grammar; bracket-pair colouring would paint over `(` and `)`.
    assert.deepEqual(configuration.colorizedBracketPairs, []);
    // `#0002` (a DE serial) reads as a colour to VS Code's default colour decorators.
    assert.deepEqual(manifest.contributes.configurationDefaults['[cable]'], {
      'editor.defaultColorDecorators': 'never',
      'editor.wordWrap': 'on',
    });
  });
});

describe('language contribution', () => {
  const firstLine = new RegExp(cable.firstLine.startsWith('^') ? cable.firstLine : `^${cable.firstLine}`);

  test('id, aliases, the .cable extension (not .cbl), the configuration and activation', () => {
    assert.equal(cable.id, 'cable');
    assert.ok(cable.aliases.includes('Cable'));
    assert.deepEqual(cable.extensions, ['.cable']);
    assert.equal(cable.configuration, './language-configuration.json');
    assert.ok(manifest.activationEvents.includes('onLanguage:cable'));
  });

  test('firstLine recognises the first lines cables start with', () => {
    for (const line of [
      'VZCZCXRO4547',
      'VZCZCXYZ0003',
      'P 251427Z JAN 09',
      'O R 161415Z DEC 09',
      'This record is a partial extract of the original cable. The full text of the original cable is not available.',
      'INFO  LOG-00   EEB-00   AF-00    AID-00   AMAD-00  ',
      'C O N F I D E N T I A L BASRAH 000002',
      'S E C R E T SECTION 01 OF 02 BAGHDAD 000759',
      'UNCLASSIFIED   STATE   00100153 ',
      'UNCLAS SECTION 01 OF 02 MADRID 002164',
    ]) {
      assert.ok(firstLine.test(line), line);
    }
  });

  test('firstLine leaves other text files alone', () => {
    for (const line of ['', 'Secret talks began in 2008', 'Confidential: notes for tomorrow', 'TODO list', '# Heading', 'PP 12 notes']) {
      assert.ok(!firstLine.test(line), JSON.stringify(line));
    }
  });

  const corpus = join(repoRoot, '..', 'shared', 'corpus', 'cablegate', 'plain');
  test(
    'firstLine recognises most plain-rendering cables of the corpus',
    { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` },
    (t) => {
      const files = readdirSync(corpus);
      const missed = files.filter((name) => !firstLine.test(readFileSync(join(corpus, name), 'utf8').split('\n')[0]!));
      // What is left starts with e-mail printouts, `null`, `ORIGIN ...`, or an addressee continuation line.
      t.diagnostic(
        `firstLine: ${files.length - missed.length} of ${files.length} plain cables recognised; not: ${missed.slice(0, 8).join(', ')}`,
      );
      assert.ok(missed.length <= 10, `${missed.length} missed: ${missed.join(', ')}`);
    },
  );
});
