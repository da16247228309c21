// The fuzzer (test/support/fuzz.ts), short, in every test run: random edits, requests (some
// cancelled) and file events against the built server over stdio. The seed is fixed under CI
// (CI=true: a red build is a real change, replayable), random locally, and always printed; a
// failure names its step, replayed with `npm run bench:fuzz -- --seed S --steps N` (or this test
// with CABLE_FUZZ_SEED=S). Speed is bench:fuzz's business (--bound-ms): here only a hang fails.
// Then what the fuzz found, pinned: a change whose range lies past the end of the text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeTextDocumentNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { describeResult, REQUEST_METHODS, runFuzz } from '../support/fuzz.ts';
import { startServer, type LspTestClient } from '../support/lsp-client.ts';
import { SEED_TEXT } from '../support/service.ts';

const FUZZ_MS = Number(process.env.CABLE_FUZZ_MS ?? 25_000);
/** The seed CI runs with. */
const CI_SEED = 20_261_205;

function fuzzSeed(): number {
  if (process.env.CABLE_FUZZ_SEED) return Number(process.env.CABLE_FUZZ_SEED);
  return process.env.CI === 'true' ? CI_SEED : Math.floor(Math.random() * 2 ** 31);
}

describe('fuzzing the server over the protocol', () => {
  it(`${FUZZ_MS / 1000} s of random edits, requests and file events: no exit, no error, no answer outside the text`, async () => {
    const seed = fuzzSeed();
    console.log(`# fuzz seed ${seed}${process.env.CI === 'true' && !process.env.CABLE_FUZZ_SEED ? ' (fixed under CI)' : ''}`);
    const result = await runFuzz({ seed, durationMs: FUZZ_MS, huge: false });
    const report = describeResult(result);
    console.log(report.replace(/^/gm, '# '));
    assert.equal(result.failure, undefined, report);
    // It did what it says: every kind of request, edits, file events, published diagnostics.
    for (const method of REQUEST_METHODS) assert.ok(result.byMethod.get(method)?.count, `no ${method} was sent`);
    assert.ok(result.edits > 0 && result.fileEvents > 0 && result.diagnostics > 0, report);
  });
});

describe('a change whose range lies past the end of the text', () => {
  let client: LspTestClient;
  before(async () => (client = await startServer({ folders: [] })));
  after(async () => assert.equal(await client.stop(), 0));

  const change = (uri: string, version: number, range: { start: Position; end: Position }, text: string) =>
    client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });

  it('is applied at the end, and later changes and answers see the true lines', async () => {
    // The text-document library indexed such a change's line at line 5,000, leaving holes in its
    // line table: the next change at the end turned into NaN offsets and scrambled the text.
    const lines = SEED_TEXT.split('\n').length;
    const added = '\n16. (C) A paragraph typed at the end.\n';
    const expected = `${SEED_TEXT}\n${added}`;
    client.open('untitled:edited', SEED_TEXT);
    await change('untitled:edited', 2, { start: { line: 5000, character: 0 }, end: { line: 5001, character: 0 } }, '\n');
    await change('untitled:edited', 3, { start: { line: lines, character: 0 }, end: { line: lines, character: 0 } }, added);
    client.open('untitled:expected', expected);

    const ask = async (uri: string) => ({
      symbols: await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
      folds: await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }),
      hover: await client.hover(uri, { line: lines + 1, character: 5 }),
    });
    const [edited, fresh] = [await ask('untitled:edited'), await ask('untitled:expected')];
    assert.deepEqual(edited, fresh);
    assert.match(JSON.stringify(fresh.symbols), /6\. \(C\) A paragraph typed at the end/);
    assert.match(JSON.stringify(fresh.hover), /Confidential/i);
  });
});
