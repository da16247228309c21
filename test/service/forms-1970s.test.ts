// Features on the 1970s forms: hover on (LOU) and `E.O. 11652: GDS` with their sources (PFOR's
// meaning comes with the 1970s TAGS tables); the
// outline of a PlusD cable lists its numbered paragraphs in order and no page head; no
// paragraph-numbering or marking diagnostic fires on page heads or office lines.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readdirSync } from 'node:fs';
import { foldingProblems, modelProblems, outlineProblems } from '../support/invariants.ts';
import { allSymbols, documentOf, hoverText, positionOf, serviceOver } from '../support/service.ts';
import { parseCable } from '../../server/src/model/cable-model.ts';
import { NEVER_CANCELLED } from '../../server/src/service/language-service.ts';
import { isCableText } from '../../server/src/workspace/cable-detection.ts';

const fixtures = join(__dirname, '..', 'fixtures', 'other-forms');
const plusd = (name: string) => readFileSync(join(fixtures, 'plusd', `${name}.txt`), 'utf8');

describe('features on the 1970s forms', () => {
  const { service } = serviceOver({});

  it('hover explains (LOU) and E.O. 11652: GDS, each with its source', async () => {
    const athens = documentOf('file:///ws/1974ATHENS03099.txt', plusd('1974ATHENS03099'));
    const gds = hoverText(await service.hover(athens, positionOf(athens, 'GDS', 1), NEVER_CANCELLED));
    assert.match(gds, /E\.O\. 11652/);
    assert.match(gds, /General Declassification Schedule/);
    assert.match(gds, /irp\.fas\.org/);
    const lou = documentOf(
      'file:///ws/lou.cable',
      'LIMITED OFFICIAL USE STATE 123456\nE.O. 12065: N/A\nTAGS: PFOR\nSUBJECT: X\n\n1. (LOU) TEXT.\n',
    );
    const marking = hoverText(await service.hover(lou, positionOf(lou, '(LOU)', 1), NEVER_CANCELLED));
    assert.match(marking, /LIMITED OFFICIAL USE/);
    assert.match(marking, /[Ss]ource/);
  });

  it('the outline of a PlusD cable lists its numbered paragraphs in order, and no page head', async () => {
    const document = documentOf('file:///ws/1978MOSCOW30030.txt', plusd('1978MOSCOW30030'));
    const names = allSymbols(service.documentSymbols(document, NEVER_CANCELLED) ?? []).map((s) => s.name);
    assert.deepEqual(
      names.filter((n) => /^\d+\./.test(n)).map((n) => n.split('.')[0]),
      ['1', '2', '3', '4'],
    );
    assert.deepEqual(
      names.filter((n) => /PAGE|MOSCOW 30030|CONFIDENTIAL$/.test(n)),
      [],
    );
  });

  it('no paragraph-numbering or marking diagnostic on page heads or office lines', () => {
    for (const name of ['1974ATHENS02959', '1975NATO04605', '1973STATE097844', '1973STATE170651', '1978MOSCOW30030', '1979STATE161482']) {
      const text = plusd(name);
      const lines = text.split('\n');
      const diagnostics = service.diagnostics(documentOf(`file:///ws/${name}.txt`, text), NEVER_CANCELLED);
      const onHeadOrOffice = diagnostics.filter((d) =>
        /^\s*(?:PAGE\b|ORIGIN\b|ACTION\b|INFO\b|DRAFTED\b|APPROVED\b|CLEARED\b|\/\d{3}\b|-{5})/.test(lines[d.range.start.line]!),
      );
      assert.deepEqual(
        onHeadOrOffice.map((d) => `${name}:${d.range.start.line + 1} ${d.code}`),
        [],
      );
      assert.deepEqual(
        diagnostics
          .filter((d) => d.code === 'paragraph-numbering' || d.code === 'section-mismatch')
          .map((d) => `${name}:${d.range.start.line + 1} ${d.code} ${d.message}`),
        [],
      );
    }
  });

  it('the .txt detector opens PlusD and FRUS texts as cables, but not an excerpt that starts mid-body', () => {
    const detected = (form: string) =>
      readdirSync(join(fixtures, form))
        .filter((f) => f.endsWith('.txt'))
        .filter((f) => !isCableText(readFileSync(join(fixtures, form, f), 'utf8')));
    // 1973STATE170651 is the tail of a page: its head (PAGE 02, no year) names no document number.
    assert.deepEqual(detected('plusd'), ['1973STATE170651.txt']);
    assert.deepEqual(detected('frus'), []);
  });

  it('the summary card names a FRUS telegram by its title and sender, and a PlusD cable by its document number', async () => {
    const frus = await service.summary(
      documentOf('file:///ws/frus/d142.txt', readFileSync(join(fixtures, 'frus', 'frus1958-60v11-d142.txt'), 'utf8')),
      NEVER_CANCELLED,
    );
    assert.match(frus ?? '', /\*\*Telegram From the Embassy in Lebanon to the Department of State\*\*/);
    assert.match(frus ?? '', /\| Origin \| Embassy in Lebanon \|/);
    const addis = await service.summary(documentOf('file:///ws/plusd/addis.txt', plusd('1975ADDIS09462')), NEVER_CANCELLED);
    assert.match(addis ?? '', /\| Document number \| 1975ADDIS09462 \|/);
  });

  it('every feature answers on every vendored PlusD and FRUS text, with a sound model, outline and folding', async () => {
    for (const form of ['plusd', 'frus']) {
      for (const name of readdirSync(join(fixtures, form)).filter((f) => f.endsWith('.txt'))) {
        const text = readFileSync(join(fixtures, form, name), 'utf8');
        const document = documentOf(`file:///ws/${form}/${name}`, text);
        const where = `${form}/${name}`;
        assert.deepEqual(modelProblems(parseCable(text), text), [], where);
        assert.deepEqual(outlineProblems(service.documentSymbols(document, NEVER_CANCELLED) ?? [], text), [], where);
        assert.deepEqual(foldingProblems(service.foldingRanges(document, NEVER_CANCELLED) ?? [], text), [], where);
        const summary = await service.summary(document, NEVER_CANCELLED);
        assert.ok(summary, where);
        for (let line = 0; line < text.split('\n').length; line += 3)
          await service.hover(document, { line, character: 1 }, NEVER_CANCELLED);
        service.diagnostics(document, NEVER_CANCELLED);
        await service.completion(document, { line: 5, character: 0 }, NEVER_CANCELLED);
      }
    }
  });
});
