// Who cites this cable: references on the banner (REF entries across the workspace), on a REF
// entry or `reftel` (its mentions in the body), on a paragraph or `para N`; the code lens above
// the banner and the cable's summary, over the vendored corpus sample and the seed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SAMPLE_CORPUS_DIR } from '../support/corpus.ts';
import { documentOf, positionOf, SEED_TEXT, SEED_URI, BAGHDAD_TEXT, BAGHDAD_URI, seedWorkspace } from '../support/service.ts';
import { edit, filesOf, SAMPLE_PLAIN, sampleUri, sampleWorkspace } from '../support/features.ts';
import type { CableLocation } from '../../server/src/service/language-service.ts';
import { NEVER_CANCELLED } from '../../server/src/service/language-service.ts';

const lines = (locations: CableLocation[]) => locations.map((l) => `${l.uri.replace('file:///ws/', '')}:${l.range.start.line + 1}`);

describe('references', () => {
  it('on the banner: every REF entry of the workspace that cites the cable', async () => {
    const { service } = await sampleWorkspace();
    const uri = sampleUri('06MADRID2657');
    const document = documentOf(uri, SAMPLE_PLAIN[uri]!);
    const at = positionOf(document, 'C O N F I D E N T I A L', 4);
    assert.deepEqual(lines(await service.references(document, at, false, NEVER_CANCELLED)), [
      'plain/06MADRID3104.txt:24',
      'plain/07MADRID173.txt:29',
    ]);
    const withDeclaration = await service.references(document, at, true, NEVER_CANCELLED);
    assert.deepEqual(lines(withDeclaration).slice(0, 1), ['plain/06MADRID2657.txt:13']);
    // Each location is the citation itself, as the citing cable writes it.
    const citing = withDeclaration[2]!;
    const citingText = SAMPLE_PLAIN[citing.uri]!.split('\n')[citing.range.start.line]!;
    assert.equal(citingText.slice(citing.range.start.character, citing.range.end.character), '2006 MADRID 2657');
  });

  it('a cable nobody cites has none; a cable without an ID has none', async () => {
    const { service } = await sampleWorkspace();
    const uri = sampleUri('07MADRID173');
    const document = documentOf(uri, SAMPLE_PLAIN[uri]!);
    assert.deepEqual(await service.references(document, positionOf(document, 'C O N F I D E N T I A L'), false, NEVER_CANCELLED), []);
    const noYear = documentOf('file:///ws/x.cable', 'C O N F I D E N T I A L MADRID 000001\n\nTAGS: PREL\n\n1. (C) Text.\n');
    assert.deepEqual(await service.references(noYear, { line: 0, character: 3 }, true, NEVER_CANCELLED), []);
  });

  it('on a REF entry and on `reftel`: the mentions of that entry in the body', async () => {
    const { service } = seedWorkspace();
    const seed = documentOf(SEED_URI, SEED_TEXT);
    const reftel = positionOf(seed, 'reftel');
    const entry = positionOf(seed, '2008 BAGHDAD 3475', 3);
    assert.deepEqual(lines(await service.references(seed, entry, false, NEVER_CANCELLED)), [`seed/09BASRAH2.cable:${reftel.line + 1}`]);
    assert.deepEqual(lines(await service.references(seed, reftel, true, NEVER_CANCELLED)), [
      'seed/09BASRAH2.cable:23',
      `seed/09BASRAH2.cable:${reftel.line + 1}`,
    ]);
  });

  it('lettered entries: `REF A` is a reference of A only', async () => {
    const { service } = await sampleWorkspace();
    const uri = sampleUri('07MADRID173');
    const document = documentOf(uri, SAMPLE_PLAIN[uri]!);
    const mention = positionOf(document, '(REF A)', 1);
    const onEntryA = await service.references(document, positionOf(document, 'A. 2006 MADRID 3104', 4), false, NEVER_CANCELLED);
    assert.deepEqual(
      onEntryA.map((l) => l.range.start),
      [mention],
    );
    assert.deepEqual(await service.references(document, positionOf(document, '2006 MADRID 2657', 2), false, NEVER_CANCELLED), []);
  });

  it('on a paragraph number and on `para N`: the mentions of that paragraph', async () => {
    const { service } = seedWorkspace();
    const text = edit(SEED_TEXT, '(See reftel.)', '(See reftel and para 2.)');
    const seed = documentOf(SEED_URI, text, 2);
    const mention = positionOf(seed, 'para 2');
    assert.deepEqual(await service.references(seed, positionOf(seed, '12. (C)', 1), false, NEVER_CANCELLED), [
      { uri: SEED_URI, range: { start: mention, end: { line: mention.line, character: mention.character + 6 } } },
    ]);
    assert.deepEqual(lines(await service.references(seed, mention, true, NEVER_CANCELLED)), [
      `seed/09BASRAH2.cable:${positionOf(seed, '12. (C)').line + 1}`,
      `seed/09BASRAH2.cable:${mention.line + 1}`,
    ]);
  });

  it('an open document’s edits count: a new citation appears, a removed one goes', async () => {
    const { service } = seedWorkspace();
    const baghdad = documentOf(BAGHDAD_URI, BAGHDAD_TEXT);
    const banner = positionOf(baghdad, 'UNCLAS BAGHDAD');
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.equal((await service.references(baghdad, banner, false, NEVER_CANCELLED)).length, 1);
    service.documentChanged(documentOf(SEED_URI, edit(SEED_TEXT, 'REF: 2008 BAGHDAD 3475', 'REF: 2008 BAGHDAD 3476'), 2));
    assert.deepEqual(await service.references(baghdad, banner, false, NEVER_CANCELLED), []);
    await service.documentClosed(SEED_URI);
    assert.equal((await service.references(baghdad, banner, false, NEVER_CANCELLED)).length, 1);
  });
});

describe('code lens: cited by N cables · cites M', () => {
  it('counts the citing cables and the cited ones, and lists them', async () => {
    const { service } = await sampleWorkspace();
    const uri = sampleUri('06MADRID2657');
    const lens = await service.codeLens(documentOf(uri, SAMPLE_PLAIN[uri]!), NEVER_CANCELLED);
    assert.equal(lens?.title, 'cited by 2 cables · cites 3');
    assert.equal(lens.range.start.line, 12);
    // The two citing REF entries, then the three cited cables (none is in the sample: their entries here).
    assert.deepEqual(lines(lens.locations), [
      'plain/06MADRID3104.txt:24',
      'plain/07MADRID173.txt:29',
      'plain/06MADRID2657.txt:23',
      'plain/06MADRID2657.txt:24',
      'plain/06MADRID2657.txt:25',
    ]);
  });

  it('a cited cable in the workspace is listed by its file', async () => {
    const { service } = await sampleWorkspace();
    const uri = sampleUri('07MADRID173');
    const lens = await service.codeLens(documentOf(uri, SAMPLE_PLAIN[uri]!), NEVER_CANCELLED);
    assert.equal(lens?.title, 'cited by 0 cables · cites 4');
    assert.deepEqual(lines(lens.locations).slice(0, 2), ['plain/06MADRID3104.txt:13', 'plain/06MADRID2657.txt:13']);
  });

  it('a cable in both renderings (.txt and .cable) is one cable: counted, summarised and completed once, its entries all listed', async () => {
    const { service } = await sampleWorkspace(filesOf(join(SAMPLE_CORPUS_DIR, 'markdown-style'), 'markdown-style'));
    const uri = sampleUri('06MADRID2657');
    const document = documentOf(uri, SAMPLE_PLAIN[uri]!);
    const lens = await service.codeLens(document, NEVER_CANCELLED);
    assert.equal(lens?.title, 'cited by 2 cables · cites 3');
    assert.deepEqual(lines(lens.locations).slice(0, 4).sort(), [
      'markdown-style/06MADRID3104.cable:26',
      'markdown-style/07MADRID173.cable:31',
      'plain/06MADRID3104.txt:24',
      'plain/07MADRID173.txt:29',
    ]);
    const summary = (await service.summary(document, NEVER_CANCELLED))!;
    assert.equal(summary.match(/^- \[0[67]MADRID/gm)?.length, 2, summary);
    assert.match(summary, /## Cited by 2 cables in the workspace/);
    const draft = documentOf('file:///ws/draft.cable', edit(SEED_TEXT, 'REF: 2008 BAGHDAD 3475', 'REF: A. 06 MADRID 26'));
    const items = service.completion(draft, positionOf(draft, '06 MADRID 26', 12), NEVER_CANCELLED)!.items;
    assert.deepEqual(
      items.map((i) => i.label),
      ['06 MADRID 2657'],
    );
  });

  it('one citing cable is “1 cable”; no banner, no lens', async () => {
    const { service } = seedWorkspace();
    assert.equal((await service.codeLens(documentOf(BAGHDAD_URI, BAGHDAD_TEXT), NEVER_CANCELLED))?.title, 'cited by 1 cable · cites 0');
    assert.equal(await service.codeLens(documentOf('file:///ws/notes.cable', 'Some notes, not a cable.\n'), NEVER_CANCELLED), undefined);
  });
});

describe('summary', () => {
  it('ID, date, origin, classification, TAGS with meanings, REFs with subjects, cited-by', async () => {
    const { service } = seedWorkspace();
    const summary = (await service.summary(documentOf(BAGHDAD_URI, BAGHDAD_TEXT), NEVER_CANCELLED))!;
    assert.match(summary, /^# 08BAGHDAD3475$/m);
    assert.match(summary, /\| Date \| Friday, 31 October 2008, 12:00 UTC \|/);
    assert.match(summary, /\| Origin \| BAGHDAD \|/);
    assert.match(summary, /\| Classification \| UNCLASSIFIED \|/);
    assert.match(summary, /- `IZ` — geographic: IRAQ/);
    assert.match(
      summary,
      /## Cited by 1 cable in the workspace\n\n- \[09BASRAH2\]\(file:\/\/\/ws\/seed\/09BASRAH2\.cable\) — MAJOR GENERAL AZIZ/,
    );

    const seedSummary = (await service.summary(documentOf(SEED_URI, SEED_TEXT), NEVER_CANCELLED))!;
    assert.match(
      seedSummary,
      /- 2008 BAGHDAD 3475 → \[08BAGHDAD3475\]\(file:\/\/\/ws\/fixtures\/08BAGHDAD3475\.cable\) — SYNTHETIC TEST CABLE/,
    );
    assert.match(seedSummary, /- `PINS` — subject: National Security/);
    assert.match(seedSummary, /## Cited by 0 cables in the workspace\n\nNone\./);
  });

  it('a cited cable outside the workspace is named, not linked', async () => {
    const { service } = await sampleWorkspace();
    const uri = sampleUri('06MADRID2657');
    const summary = (await service.summary(documentOf(uri, SAMPLE_PLAIN[uri]!), NEVER_CANCELLED))!;
    assert.match(summary, /- A\. MADRID 1914 → `06MADRID1914`, not in the workspace/);
  });
});
