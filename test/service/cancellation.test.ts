// Cancellation is honoured by every request of the service: one that waits for the workspace
// index answers empty as soon as its token is cancelled, long before the index is done; one
// that computes at once answers empty when it arrives cancelled.
import { createCancellationSource, NEVER_CANCELLED } from '../../server/src/service/language-service.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentOf, positionOf, SEED_TEXT, SEED_URI, serviceOver } from '../support/service.ts';

/** Twenty files read one at a time, each read taking 100 ms: indexing takes two seconds. */
function slowService() {
  const files: Record<string, string> = { [SEED_URI]: SEED_TEXT };
  for (let i = 0; i < 20; i++) files[`file:///ws/slow/${i}.cable`] = SEED_TEXT;
  return serviceOver(files, { readDelayMs: 100, concurrency: 1 }).service;
}

describe('cancellation of every request', () => {
  const document = documentOf(SEED_URI, SEED_TEXT);
  const onBanner = positionOf(document, 'BASRAH 000002');
  const onRefEntry = positionOf(document, '2008 BAGHDAD 3475', 5);

  const waiting: Record<
    string,
    (service: ReturnType<typeof slowService>, token: ReturnType<typeof createCancellationSource>['token']) => Promise<unknown>
  > = {
    definition: (s, token) => s.definition(document, onRefEntry, token),
    references: (s, token) => s.references(document, onBanner, true, token),
    codeLens: (s, token) => s.codeLens(document, token),
    workspaceSymbols: (s, token) => s.workspaceSymbols('09BAS', token),
    documentLinks: (s, token) => s.documentLinks(document, token),
    semanticTokens: (s, token) => s.semanticTokens(document, token),
    summary: (s, token) => s.summary(document, token),
  };

  for (const [name, request] of Object.entries(waiting)) {
    it(`${name}: cancelled while the index is built, it answers empty at once`, async () => {
      const service = slowService();
      const source = createCancellationSource();
      setTimeout(() => source.cancel(), 20);
      const answer = await request(service, source.token);
      assert.equal(service.indexReady, false, 'answered before the index was done');
      assert.ok(
        answer === undefined || (Array.isArray(answer) && answer.length === 0) || (answer as { data?: unknown[] }).data?.length === 0,
        `${JSON.stringify(answer)?.slice(0, 200)}`,
      );
      service.dispose();
    });

    it(`${name}: not cancelled, it waits for the index and answers`, async () => {
      const service = serviceOver({ [SEED_URI]: SEED_TEXT }).service;
      const answer = await request(service, createCancellationSource().token);
      assert.equal(service.indexReady, true);
      assert.ok(answer !== undefined);
    });
  }

  it('outline, hover, folding and completion: a request that arrives cancelled answers empty', () => {
    const service = serviceOver({ [SEED_URI]: SEED_TEXT }).service;
    const source = createCancellationSource();
    source.cancel();
    assert.deepEqual(service.documentSymbols(document, source.token), []);
    assert.equal(service.hover(document, positionOf(document, 'PINS'), source.token), null);
    assert.deepEqual(service.foldingRanges(document, source.token), []);
    assert.equal(service.completion(document, positionOf(document, 'PINS'), source.token), null);
    // Not cancelled, each answers.
    assert.ok(service.documentSymbols(document, NEVER_CANCELLED).length > 0);
    assert.ok(service.hover(document, positionOf(document, 'PINS'), NEVER_CANCELLED));
    assert.ok(service.foldingRanges(document, NEVER_CANCELLED).length > 0);
  });
});
