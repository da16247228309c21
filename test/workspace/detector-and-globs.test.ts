// Which `.txt` files are cables (the detector), and `files.exclude` globs.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isCableText } from '../../server/src/workspace/cable-detection.ts';
import { compileGlob, createExcludeMatcher, enabledPatterns, isExcludedPathOrParent } from '../../server/src/workspace/exclude-globs.ts';
import { corpora, SEED_FILE } from '../support/corpus.ts';
import { WORKSPACE_FIXTURE_DIR } from '../support/service.ts';

const root = join(__dirname, '..', '..');

describe('isCableText', () => {
  for (const corpus of corpora()) {
    it(`recognises every cable of the ${corpus.name}, in both renderings`, () => {
      const missed = corpus.cables.flatMap((c) => [c.plainFile, c.markdownFile]).filter((file) => !isCableText(readFileSync(file, 'utf8')));
      assert.deepEqual(missed, []);
    });
  }

  it('recognises the seed and the workspace fixture', () => {
    assert.ok(isCableText(readFileSync(SEED_FILE, 'utf8')));
    assert.ok(isCableText(readFileSync(join(WORKSPACE_FIXTURE_DIR, '08BAGHDAD3475.cable'), 'utf8')));
  });

  it('recognises each start a cable has: VZCZC, a banner, a DTG with an FM line', () => {
    assert.ok(isCableText('VZCZCXYZ0001\nOO RUEHC\nDE RUEHLP #0096 0201522\n'));
    assert.ok(isCableText('\n\nC O N F I D E N T I A L SECTION 01 OF 02 LA PAZ 000096\n\nSIPDIS\n'));
    assert.ok(isCableText('UNCLAS STATE 012345\n\nE.O. 12958: N/A\nTAGS: PREL\n'));
    assert.ok(
      isCableText('This record is a partial extract of the original cable.\n\n291359Z Nov 00\n\nFM AMEMBASSY HARARE\nTO SECSTATE WASHDC\n'),
    );
  });

  it('leaves other text alone: notes, READMEs, licences, tables, banner-shaped phrases, nothing', () => {
    assert.equal(isCableText(readFileSync(join(WORKSPACE_FIXTURE_DIR, 'notes.txt'), 'utf8')), false);
    for (const file of ['README.md', 'LICENSE', 'test/fixtures/corpus-sample/README.md'].map((f) => join(root, f)).filter(existsSync)) {
      assert.equal(isCableText(readFileSync(file, 'utf8')), false, file);
    }
    assert.equal(isCableText('Secret Santa 2024\n\nBring a present.\n'), false);
    assert.equal(isCableText('CONFIDENTIAL\n\nDear colleague, the meeting is at 10.\n'), false);
    assert.equal(isCableText(''), false);
    assert.equal(isCableText('\u0000\u0001\u0002binary\uFFFD'.repeat(500)), false);
    assert.equal(isCableText(undefined as unknown as string), false);
  });

  it('leaves the .txt files of the installed packages alone', () => {
    const texts: string[] = [];
    const walk = (dir: string, depth: number) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && depth < 3) walk(join(dir, entry.name), depth + 1);
        else if (entry.isFile() && entry.name.endsWith('.txt')) texts.push(join(dir, entry.name));
      }
    };
    walk(join(root, 'node_modules'), 0);
    assert.ok(texts.length > 0);
    assert.deepEqual(
      texts.filter((file) => isCableText(readFileSync(file, 'utf8'))),
      [],
    );
  });
});

describe('files.exclude globs', () => {
  const cases: [string, string, boolean][] = [
    ['**/.git', '.git', true],
    ['**/.git', 'a/b/.git', true],
    ['**/.git', 'a/.github', false],
    ['archive', 'archive', true],
    ['archive', 'old/archive', false],
    ['**/*.tmp.cable', 'drafts/x.tmp.cable', true],
    ['**/*.tmp.cable', 'x.tmp.cable', true],
    ['*.txt', 'notes.txt', true],
    ['*.txt', 'a/notes.txt', false],
    ['out/**', 'out/a/b.cable', true],
    ['**/{build,dist}', 'x/dist', true],
    ['**/{build,dist}', 'x/distant', false],
    ['cable?.txt', 'cable1.txt', true],
    ['cable[0-9].txt', 'cablea.txt', false],
    ['cable[!0-9].txt', 'cablea.txt', true],
    ['a.b', 'aXb', false],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(compileGlob(pattern).test(path), expected));
  }

  it('only patterns set to true apply; node_modules is always out', () => {
    assert.deepEqual(enabledPatterns({ '**/.git': true, '**/out': false, '**/*.js': { when: '$(basename).ts' } }), ['**/.git']);
    assert.deepEqual(enabledPatterns(null), []);
    const excluded = createExcludeMatcher([]);
    assert.equal(excluded('node_modules'), true);
    assert.equal(isExcludedPathOrParent(createExcludeMatcher(['archive']), 'archive/2009/x.cable'), true);
    assert.equal(isExcludedPathOrParent(createExcludeMatcher(['archive']), 'keep/archive.cable'), false);
  });
});
