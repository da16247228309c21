// Hostile files on a real disk, through the language service and the Node workspace: each is
// indexed or skipped with a clear message, none stops the index, and opened as a document each
// gets an outline, hovers and definitions (a file over cable.maxFileSize: a light model and a
// diagnostic saying so).
import assert from 'node:assert/strict';
import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeCableBytes } from '../../server/src/node/file-text.ts';
import { DEFAULT_MAX_FILE_SIZE, parseWithinLimit } from '../../server/src/workspace/file-size.ts';
import { createNodeWorkspace } from '../../server/src/node/node-workspace.ts';
import { createCableLanguageService, NEVER_CANCELLED, type Workspace } from '../../server/src/service/language-service.ts';
import { createHostileFolder, LONG_LINE_CHARS, type HostileFolder } from '../support/hostile-files.ts';
import { outlineProblems } from '../support/invariants.ts';
import { collectingLogger, documentOf } from '../support/service.ts';

describe('hostile files in the workspace index', () => {
  let folder: HostileFolder;
  const logger = collectingLogger();
  let service: ReturnType<typeof createCableLanguageService>;
  const uri = (name: string) => pathToFileURL(join(folder.dir, name)).href;

  before(async () => {
    folder = createHostileFolder();
    service = createCableLanguageService({ workspace: createNodeWorkspace(logger), logger });
    service.setWorkspaceFolders([{ uri: pathToFileURL(folder.dir).href }]);
    assert.equal(await service.ensureIndexed(NEVER_CANCELLED), true);
  });
  after(() => folder.remove());

  const logged = (pattern: RegExp) =>
    assert.ok(
      logger.messages.some((m) => pattern.test(m)),
      `no log line ${pattern} in\n${logger.messages.join('\n')}`,
    );

  it('a binary file named .cable is refused with its reason', () =>
    logged(/^warn: Cannot index \S*binary\.cable: is a binary file, not cable text$/));

  it('a 50 MB file is skipped with its size and the limit', () =>
    logged(/^warn: Skipped \S*big\.cable: 50 MB is more than cable\.maxFileSize \(5 MB\)$/));

  it('Latin-1 and UTF-16 files are read, and the log says how', () => {
    logged(/latin1\.cable is not UTF-8: read as windows-1252$/);
    logged(/utf16le\.cable is not UTF-8: read as utf-16le$/);
    logged(/utf16be\.cable is not UTF-8: read as utf-16be$/);
  });

  it('symbolic links are not followed, and a linked cable is logged', () =>
    logged(/loop\.cable is a symbolic link \(links are not followed\)$/));

  it('the cables among them are indexed by their ID, whatever their encoding, and a folder named x.cable is a folder', () => {
    const found = service.lookup('09BASRAH2').map((c) => c.uri.slice(pathToFileURL(folder.dir).href.length + 1));
    const expected = ['09BASRAH2.cable', 'header-only.cable', 'latin1.cable', 'utf16be.cable', 'utf16le.cable', 'x.cable/inside.cable'];
    if (!folder.unreadableIsUnreadable) expected.push('unreadable.cable');
    assert.deepEqual(found.sort(), expected.sort());
  });

  it('an unreadable file is skipped with "permission denied"', (t) => {
    if (!folder.unreadableIsUnreadable) {
      t.skip('running as root: chmod 000 does not stop root from reading, so the file was read');
      return;
    }
    logged(/unreadable\.cable: permission denied$/);
  });

  it('Latin-1 text keeps its accents and quotes', () => {
    const decoded = decodeCableBytes(readFileSync(join(folder.dir, 'latin1.cable')));
    assert.ok('text' in decoded && decoded.text.includes('Ramon Negrón') && decoded.text.includes('“Basra” was'));
  });

  it('a file deleted between its listing and its read is dropped with "no such file", and the pass goes on', async () => {
    const local = createNodeWorkspace(logger);
    const victim = uri('header-only.cable');
    const deleting: Workspace = {
      ...local,
      readFile: async (fileUri) => {
        if (fileUri === victim) unlinkSync(fileURLToPath(fileUri));
        return local.readFile(fileUri);
      },
    };
    const messages = collectingLogger();
    const other = createCableLanguageService({ workspace: deleting, logger: messages });
    other.setWorkspaceFolders([{ uri: pathToFileURL(folder.dir).href }]);
    assert.equal(await other.ensureIndexed(NEVER_CANCELLED), true);
    assert.ok(
      messages.messages.some((m) => /Cannot index \S*header-only\.cable: no such file$/.test(m)),
      messages.messages.join('\n'),
    );
    assert.ok(other.lookup('09BASRAH2').some((c) => c.uri.endsWith('/09BASRAH2.cable')));
  });
});

describe('hostile files opened as documents', () => {
  let folder: HostileFolder;
  before(() => (folder = createHostileFolder()));
  after(() => folder.remove());
  const service = createCableLanguageService({ workspace: createNodeWorkspace(), logger: collectingLogger() });

  /** The text an editor would hold: decoded as the index decodes, binary bytes as Latin-1 (what a forced open shows). */
  function editorText(name: string): string {
    const bytes = readFileSync(join(folder.dir, name));
    const decoded = decodeCableBytes(bytes);
    return 'text' in decoded ? decoded.text : bytes.toString('latin1');
  }

  it('every file: an outline that nests, hovers and definitions, no exception', async () => {
    for (const name of folder.files.filter((n) => n !== 'unreadable.cable' || !folder.unreadableIsUnreadable)) {
      const text = editorText(name);
      const document = documentOf(pathToFileURL(join(folder.dir, name)).href, text);
      assert.deepEqual(outlineProblems(service.documentSymbols(document, NEVER_CANCELLED), text), [], name);
      for (const offset of [0, 0.3, 0.7, 1]) {
        const position = document.positionAt(Math.floor(offset * text.length));
        service.hover(document, position, NEVER_CANCELLED);
        await service.definition(document, position, NEVER_CANCELLED);
      }
    }
  });

  it('a file over cable.maxFileSize: the head is analysed and a diagnostic says so', () => {
    const text = editorText('big.cable');
    const model = service.model(documentOf('file:///big.cable', text), NEVER_CANCELLED);
    const tooLarge = model.diagnostics.filter((d) => d.code === 'too-large');
    assert.equal(tooLarge.length, 1);
    assert.match(tooLarge[0]!.message, /^This file is 50 MB, more than cable\.maxFileSize \(5 MB\): only its first \d+ lines are analysed/);
    assert.equal(model.id, '09BASRAH2', 'the head still gives the identity');
    assert.ok(model.paragraphs.length > 0 && model.paragraphs.length < 200, `${model.paragraphs.length} paragraphs`);
    assert.equal(model.lineCount, text.split(/\r\n|\r|\n/).length);
  });

  it('a single 5,000,000-character line is within the default cap: analysed whole', () => {
    const text = editorText('long-line.cable');
    assert.equal(text.length, LONG_LINE_CHARS);
    const model = service.model(documentOf('file:///long-line.cable', text), NEVER_CANCELLED);
    assert.equal(model.diagnostics.filter((d) => d.code === 'too-large').length, 0);
    assert.equal(model.lineCount, 1);
  });

  it('the cap counts UTF-8 bytes, and a lower cap makes a one-line file light too', () => {
    const text = 'é'.repeat(600);
    assert.equal(
      parseWithinLimit(text, {}, 1000).diagnostics.some((d) => d.code === 'too-large'),
      true,
      '1,200 bytes',
    );
    assert.equal(
      parseWithinLimit(text, {}, 1200).diagnostics.some((d) => d.code === 'too-large'),
      false,
    );
    const light = parseWithinLimit(longLineOf(300_000), {}, 100_000);
    assert.match(light.diagnostics.find((d) => d.code === 'too-large')!.message, /only its first 64 KB \(one line\) are analysed/);
    assert.ok(DEFAULT_MAX_FILE_SIZE === 5 * 1024 * 1024);
  });
});

function longLineOf(chars: number): string {
  return 'REF A and para 2. '.repeat(Math.ceil(chars / 18)).slice(0, chars);
}
