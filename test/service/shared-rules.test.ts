// The rules that had several copies, each now in one place: which files are cables, `plural`,
// the paragraph a number means, `describeError`; and settings read per workspace folder.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCable } from '../../server/src/model/cable-model.ts';
import { paragraphNumbered } from '../../server/src/features/mentions.ts';
import {
  CABLE_FILE_GLOB,
  describeError,
  isCableFile,
  isCableFileName,
  NEVER_CANCELLED,
  plural,
} from '../../server/src/service/language-service.ts';
import { createExcludeMatcher } from '../../server/src/workspace/exclude-globs.ts';
import { edit } from '../support/features.ts';
import { documentOf, SEED_TEXT, serviceOver } from '../support/service.ts';

describe('one rule each', () => {
  it('which files are cables: .cable always, .txt when it reads as a cable, by URI, path or name', () => {
    assert.deepEqual(['file:///a/x.cable', 'file:///a/X.CABLE', 'file:///a/x.txt', 'notes.TXT', 'x.cable'].map(isCableFileName), [
      true,
      true,
      true,
      true,
      true,
    ]);
    assert.deepEqual(['file:///a/x.md', 'file:///a/cable', 'file:///a.cable/x', 'x.txt.bak'].map(isCableFileName), [
      false,
      false,
      false,
      false,
    ]);
    assert.equal(isCableFile('file:///a/draft.cable', 'Notes, not a telegram'), true);
    assert.equal(isCableFile('file:///a/09BASRAH2.txt', SEED_TEXT), true);
    assert.equal(isCableFile('file:///a/notes.txt', 'Notes, not a telegram'), false);
    assert.equal(isCableFile('file:///a/09BASRAH2.md', SEED_TEXT), false);
    // The watcher's glob names the same files.
    const watched = createExcludeMatcher([CABLE_FILE_GLOB]);
    assert.deepEqual(
      ['a/x.cable', 'x.txt', 'a/b/x.md'].map((path) => watched(path)),
      [true, true, false],
    );
  });

  it('plural', () => {
    assert.equal(plural(1, 'cable'), '1 cable');
    assert.equal(plural(0, 'cable'), '0 cables');
    assert.equal(plural(3, 'entry', 'entries'), '3 entries');
  });

  it('the paragraph a number means: the first of that number when numbering restarts', () => {
    const text = edit(SEED_TEXT, '13. (C) Aziz', '11. (C) Aziz');
    const model = parseCable(text);
    const ones = model.paragraphs.filter((p) => p.number === 1);
    assert.ok(ones.length >= 2, 'the edit restarts the numbering');
    assert.equal(paragraphNumbered(model, '1'), ones[0]);
    assert.equal(paragraphNumbered(model, '99'), undefined);
  });

  it('describeError: the message, the stack on request, anything else as a string', () => {
    const error = new Error('no such file');
    assert.equal(describeError(error), 'no such file');
    assert.match(describeError(error, { stack: true }), /^Error: no such file\n\s+at /);
    assert.equal(describeError('gone'), 'gone');
    assert.equal(describeError(undefined), 'undefined');
  });
});

describe('settings per workspace folder', () => {
  it('a folder’s settings apply to its documents, the global ones elsewhere', async () => {
    const { service } = serviceOver({}, { folders: ['file:///ws/a', 'file:///ws/b'] });
    const faulty = edit(SEED_TEXT, '[IR](#)', '[IR](#) [PXYZ](#)');
    service.setSettings({ diagnostics: { 'unknown-tag': false } }, 'file:///ws/a');
    service.setSettings({ codeLens: { enabled: false } });
    const codes = (uri: string) => service.diagnostics(documentOf(uri, faulty), NEVER_CANCELLED).map((d) => d.code);
    assert.deepEqual(codes('file:///ws/a/x.cable'), []);
    assert.deepEqual(codes('file:///ws/b/x.cable'), ['unknown-tag']);
    assert.deepEqual(codes('file:///elsewhere/x.cable'), ['unknown-tag']);
    assert.equal(service.settingsFor('file:///ws/a/x.cable').codeLens, true, 'a folder’s settings stand whole');
    assert.equal(await service.codeLens(documentOf('file:///elsewhere/x.cable', SEED_TEXT), NEVER_CANCELLED), undefined);
    assert.ok(await service.codeLens(documentOf('file:///ws/a/x.cable', SEED_TEXT), NEVER_CANCELLED));
  });
});
