// Find a cable: workspace symbols by ID prefix, TAGS code and subject words, over the seed and
// the corpus (every cable found by its own ID and by its subject), answered from the index.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseCable } from '../../server/src/model/cable-model.ts';
import { searchTerms } from '../../server/src/workspace/search-index.ts';
import { corpora } from '../support/corpus.ts';
import { documentOf, SEED_TEXT, SEED_URI, seedWorkspace, serviceOver } from '../support/service.ts';
import { edit, filesOf, sampleWorkspace } from '../support/features.ts';
import { NEVER_CANCELLED } from '../../server/src/service/language-service.ts';

const names = (symbols: { name: string }[]) => symbols.map((s) => s.name.split(' ')[0]);

describe('workspace symbols', () => {
  it('by ID prefix: 09BAS finds 09BASRAH2, at its banner, with subject, TAGS, date and classification', async () => {
    const { service } = seedWorkspace();
    const [symbol, ...rest] = await service.workspaceSymbols('09BAS', NEVER_CANCELLED);
    assert.equal(rest.length, 0);
    assert.equal(
      symbol!.name,
      '09BASRAH2 — MAJOR GENERAL AZIZ CONFIDENT ABOUT SECURITY BUT ACKNOWLEDGES SOME VIOLENCE POSSIBLE [PGOV PINS ASEC IZ IR]',
    );
    assert.equal(symbol!.containerName, '2009-01-25 · CONFIDENTIAL · BASRAH');
    assert.deepEqual(symbol!.location, { uri: SEED_URI, range: parseCable(SEED_TEXT).banner!.range });
    assert.equal(symbol!.location.range.start.line, 13);
    assert.deepEqual(names(await service.workspaceSymbols('08bag', NEVER_CANCELLED)), ['08BAGHDAD3475']);
  });

  it('by TAGS code, by subject words (all of them, as prefixes), by post and year', async () => {
    const { service } = seedWorkspace();
    assert.deepEqual(names(await service.workspaceSymbols('PGOV', NEVER_CANCELLED)), ['08BAGHDAD3475', '09BASRAH2']);
    assert.deepEqual(names(await service.workspaceSymbols('pins', NEVER_CANCELLED)), ['09BASRAH2']);
    assert.deepEqual(names(await service.workspaceSymbols('aziz security', NEVER_CANCELLED)), ['09BASRAH2']);
    assert.deepEqual(names(await service.workspaceSymbols('confid viol', NEVER_CANCELLED)), ['09BASRAH2']);
    assert.deepEqual(names(await service.workspaceSymbols('aziz synthetic', NEVER_CANCELLED)), []);
    assert.deepEqual(names(await service.workspaceSymbols('baghdad 2008', NEVER_CANCELLED)), ['08BAGHDAD3475']);
  });

  it('an empty query lists every cable, newest first', async () => {
    const { service } = seedWorkspace();
    assert.deepEqual(names(await service.workspaceSymbols('', NEVER_CANCELLED)), ['09BASRAH2', '08BAGHDAD3475']);
    assert.deepEqual(names(await service.workspaceSymbols('  ', NEVER_CANCELLED)), ['09BASRAH2', '08BAGHDAD3475']);
  });

  it('the exact ID comes first', async () => {
    const { service } = await sampleWorkspace();
    const found = names(await service.workspaceSymbols('06MADRID2657', NEVER_CANCELLED));
    assert.deepEqual(found, ['06MADRID2657']);
    assert.deepEqual(names(await service.workspaceSymbols('madrid', NEVER_CANCELLED)), [
      '04MADRID3914',
      '05MADRID4026',
      '06MADRID2657',
      '06MADRID3104',
      '07MADRID173',
    ]);
  });

  it('follows edits of open documents', async () => {
    const { service } = seedWorkspace();
    await service.ensureIndexed(NEVER_CANCELLED);
    service.documentChanged(documentOf(SEED_URI, edit(SEED_TEXT, 'MAJOR GENERAL AZIZ', 'BRIGADIER GENERAL HASSAN'), 2));
    assert.deepEqual(names(await service.workspaceSymbols('hassan', NEVER_CANCELLED)), ['09BASRAH2']);
    assert.deepEqual(await service.workspaceSymbols('aziz', NEVER_CANCELLED), []);
  });

  it('a file without an ID is found by its subject, named by its file', async () => {
    const { service } = serviceOver({
      'file:///ws/draft.cable': 'C O N F I D E N T I A L\n\nTAGS: PREL\nSUBJECT: DRAFT ABOUT FISHERIES\n\n1. (C) Text.\n',
    });
    assert.deepEqual(names(await service.workspaceSymbols('fisheries', NEVER_CANCELLED)), ['draft.cable']);
  });

  for (const corpus of corpora()) {
    it(`${corpus.name}: every cable is found by its ID (as its text gives it), and by the words of its subject`, async () => {
      const dir = join(corpus.dir, 'plain');
      const files = filesOf(dir, 'plain');
      const { service } = serviceOver(files);
      await service.ensureIndexed(NEVER_CANCELLED);
      let bySubject = 0;
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
        // A few files hold another cable's body (09CHISINAU694 holds 09ULAANBAATAR234): the text's ID counts.
        const model = parseCable(readFileSync(join(dir, name), 'utf8'), { fileName: name });
        const id = model.id ?? name.replace(/\.txt$/, '');
        const found = await service.workspaceSymbols(id, NEVER_CANCELLED);
        assert.equal(names(found)[0], id, `${id}: ${names(found).join()}`);
        const subject = model.subject?.text;
        const words = searchTerms(subject ?? '')
          .slice(0, 4)
          .join(' ');
        if (!words) continue;
        // A subject may be shared (several cables of one series): the cable is among those found.
        assert.ok(names(await service.workspaceSymbols(words, NEVER_CANCELLED)).includes(id), `${id} by "${words}"`);
        bySubject++;
      }
      console.log(`# ${corpus.name}: ${corpus.cables.length} cables found by ID, ${bySubject} by their subject's first words`);
    });
  }
});
