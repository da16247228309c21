// parseFrontMatter (what the workspace index reads of each file) against parseCable: on every
// real cable (fixtures, the vendored sample, the shared corpus when present, both renderings),
// on their heads (what the .txt detector reads), and on hostile and mangled text, the front
// matter is the full model's, element for element, and so is the index's summary of the file.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseCable, parseFrontMatter, type CableModel, type FrontMatter, type ParseContext } from '../../server/src/model/cable-model.ts';
import { summarize } from '../../server/src/workspace/indexed-cable.ts';
import { hostileText, mangledCable, propertyParameters } from '../support/cable-arbitraries.ts';
import { corpora, SEED_FILE } from '../support/corpus.ts';

const root = join(__dirname, '..', '..');
const FRONT_MATTER_KEYS = [
  'lineCount',
  'lostPilcrow',
  'header',
  'dateLine',
  'banner',
  'captions',
  'executiveOrder',
  'tags',
  'subject',
  'references',
  'classifiedBy',
  'frus',
  'id',
  'idSource',
  'documentNumber',
  'year',
  'date',
  'classification',
  'precedence',
] as const satisfies readonly (keyof FrontMatter)[];

function frontMatterOf(model: CableModel | FrontMatter): Partial<FrontMatter> {
  const picked: Record<string, unknown> = {};
  for (const key of FRONT_MATTER_KEYS) if (model[key] !== undefined) picked[key] = model[key];
  return picked as Partial<FrontMatter>;
}

function assertAgree(text: string, context: ParseContext, name: string): void {
  const full = parseCable(text, context);
  const front = parseFrontMatter(text, context);
  assert.deepEqual(frontMatterOf(front), frontMatterOf(full), name);
  assert.deepEqual(
    Object.keys(front).filter((key) => !(FRONT_MATTER_KEYS as readonly string[]).includes(key)),
    [],
    `${name}: only front matter`,
  );
  const uri = `file:///ws/${context.fileName ?? 'untitled.cable'}`;
  assert.deepEqual(summarize(uri, front), summarize(uri, full), `${name}: the index's summary`);
}

/** The first 60 lines, as the detector of .txt cables reads them. */
const headOf = (text: string) => text.split('\n').slice(0, 60).join('\n');

function realCables(): { name: string; fileName: string; text: string }[] {
  const files = [
    SEED_FILE,
    ...['e2e', 'workspace', 'hostile'].flatMap((dir) =>
      readdirSync(join(root, 'test', 'fixtures', dir)).map((name) => join(root, 'test', 'fixtures', dir, name)),
    ),
  ];
  const fixtures = files
    .filter((file) => /\.(?:cable|txt)$/.test(file))
    .map((file) => ({ name: file.replace(`${root}/`, ''), fileName: file.replace(/^.*\//, ''), text: readFileSync(file, 'latin1') }));
  const corpus = corpora().flatMap((c) =>
    c.cables.flatMap((cable) => [
      { name: `${c.name} ${cable.id}.txt`, fileName: `${cable.id}.txt`, text: readFileSync(cable.plainFile, 'utf8') },
      { name: `${c.name} ${cable.id}.cable`, fileName: `${cable.id}.cable`, text: readFileSync(cable.markdownFile, 'utf8') },
    ]),
  );
  return [...fixtures, ...corpus];
}

describe('parseFrontMatter agrees with parseCable', () => {
  const cables = realCables();

  it('the comparison can fail: a changed TAGS line differs, a changed body paragraph does not', () => {
    const seed = readFileSync(SEED_FILE, 'utf8');
    assert.notDeepEqual(frontMatterOf(parseFrontMatter(seed.replace('TAGS: ', 'TAGS: PTER, '))), frontMatterOf(parseCable(seed)));
    const second = parseCable(seed).paragraphs[1]!.range.start.line;
    const otherBody = [...seed.split('\n').slice(0, second), '12. (C) Another paragraph altogether.', ''].join('\n');
    assert.deepEqual({ ...frontMatterOf(parseFrontMatter(otherBody)), lineCount: 0 }, { ...frontMatterOf(parseCable(seed)), lineCount: 0 });
  });

  it('on every real cable, with its file name and without', () => {
    assert.ok(cables.length > 20, `${cables.length} cables`);
    for (const cable of cables) {
      assertAgree(cable.text, { fileName: cable.fileName }, cable.name);
      assertAgree(cable.text, {}, `${cable.name} (no file name)`);
    }
  });

  it('on the heads of real cables (the .txt detector parses the first 60 lines)', () => {
    for (const cable of cables) assertAgree(headOf(cable.text), {}, `${cable.name} head`);
  });

  it('on hostile strings and mangled real cables', () => {
    fc.assert(
      fc.property(hostileText, (text) => assertAgree(text, {}, 'hostile text')),
      propertyParameters(400),
    );
    fc.assert(
      fc.property(mangledCable, fc.constantFrom(undefined, '09BASRAH2.cable', '08BAGHDAD3475.txt'), (cable, fileName) =>
        assertAgree(cable.text, fileName ? { fileName } : {}, cable.name),
      ),
      propertyParameters(200),
    );
  });
});
