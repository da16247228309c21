// The `cable/query` and `cable/citationGraph` requests over stdio against the built server, on
// samples/ opened as the workspace: each facet, groups, bad queries with the help, the graph of
// an open cable, and the index-changed notification once the client has queried.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { FULL_CAPABILITIES, startServer, type LspTestClient } from '../support/lsp-client.ts';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const MADRID_FILE = join(SAMPLES, 'plain', '06MADRID2657.txt');
const MADRID_URI = pathToFileURL(MADRID_FILE).href;

interface Answer {
  total: number;
  hits: { id: string; uri: string | null; missing: boolean }[];
  groups?: { key: string; count: number }[];
  indexing: { ready: boolean; cables: number };
}

describe('cable/query and cable/citationGraph', () => {
  let client: LspTestClient;
  const changes: unknown[] = [];
  const ask = (params: object) => client.connection.sendRequest('cable/query', { wait: true, ...params }) as Promise<Answer>;

  before(async () => {
    client = await startServer({ folders: [pathToFileURL(SAMPLES).href], capabilities: FULL_CAPABILITIES });
    client.connection.onNotification('cable/indexChanged', (params) => void changes.push(params));
    client.open(MADRID_URI, readFileSync(MADRID_FILE, 'utf8'));
  });
  after(() => client.stop());

  it('the samples grouped by year; tag:PTER narrows them; each file its own hit, in date order', async () => {
    const all = await ask({ query: '', groupBy: 'year' });
    assert.equal(all.total, 11);
    assert.deepEqual(all.groups, [
      { key: '2006', count: 4 },
      { key: '2007', count: 2 },
      { key: '2009', count: 3 },
      { key: '2010', count: 2 },
    ]);
    assert.deepEqual(all.indexing, { ready: true, cables: 11 });
    const pter = await ask({ query: 'tag:PTER', groupBy: 'year', limit: 3 });
    assert.equal(pter.total, 10);
    assert.deepEqual(
      pter.hits.map((hit) => hit.id),
      ['06MADRID2657', '06MADRID2657', '06MADRID3104'],
    );
    assert.ok(pter.hits.every((hit) => hit.uri?.startsWith(pathToFileURL(SAMPLES).href)));
  });

  it('facets combined, and missing cables', async () => {
    assert.deepEqual(
      (await ask({ query: 'cites:06MADRID2657 origin:madrid year:2007' })).hits.map((hit) => hit.uri?.split('/').pop()),
      ['07MADRID173.cable', '07MADRID173.txt'],
    );
    const missing = await ask({ query: 'missing: year:2006' });
    assert.deepEqual(
      missing.hits.map((hit) => [hit.id, hit.missing, hit.uri]),
      [
        ['06MADRID1799', true, null],
        ['06MADRID1914', true, null],
        ['06MADRID2374', true, null],
      ],
    );
  });

  it('a bad query: the errors with offsets and the help; bad parameters are no crash', async () => {
    const answer = (await client.connection.sendRequest('cable/query', { query: 'class:SECRET from:2006-00' })) as {
      errors: { message: string; start: number; end: number }[];
      help: string;
    };
    assert.deepEqual(answer.errors, [
      { message: "from: takes a date as YYYY, YYYY-MM or YYYY-MM-DD, as in from:2006-01; not '2006-00'.", start: 13, end: 25 },
    ]);
    assert.match(answer.help, /^Words match the ID/);
    const odd = (await client.connection.sendRequest('cable/query', { query: 42, limit: -1, groupBy: 'planet', wait: true })) as Answer;
    assert.equal(odd.total, 11);
    assert.equal(odd.groups, undefined);
  });

  it('the graph of the open cable: its two citing cables and the three it cites; by ID with hops', async () => {
    const graph = (await client.connection.sendRequest('cable/citationGraph', { textDocument: { uri: MADRID_URI } })) as {
      nodes: { id: string; side: string; missing: boolean }[];
      hops: number;
    };
    assert.equal(graph.hops, 1);
    assert.deepEqual(
      graph.nodes.filter((n) => n.side === 'citing').map((n) => n.id),
      ['06MADRID3104', '07MADRID173'],
    );
    assert.equal(graph.nodes.filter((n) => n.side === 'cited' && n.missing).length, 3);
    const far = (await client.connection.sendRequest('cable/citationGraph', { id: '07MADRID173', hops: 9 })) as {
      hops: number;
      svg?: string;
    };
    assert.equal(far.hops, 3);
    assert.equal(far.svg, undefined);
    // Drawn when asked, for a client that draws nothing itself: classes for the theme's colours, no style of its own.
    const drawn = (await client.connection.sendRequest('cable/citationGraph', { id: '06MADRID2657', drawing: { timeAxis: true } })) as {
      svg: string;
    };
    assert.match(drawn.svg, /^<svg [^>]*role="group" aria-label="Citations of 06MADRID2657 within 1 hop">/);
    assert.match(
      drawn.svg,
      /<g class="node level-c" data-id="07MADRID173" data-uri="file:\/\/[^"]+07MADRID173\.(?:txt|cable)" tabindex="0" role="button"/,
    );
    assert.doesNotMatch(drawn.svg, /<style>/);
    assert.equal(await client.connection.sendRequest('cable/citationGraph', { id: '99NOWHERE1' }), null);
    assert.equal(await client.connection.sendRequest('cable/citationGraph', {}), null);
  });

  it('a file event after a query: the client hears that the index changed', async () => {
    const before = changes.length;
    client.filesChanged([{ uri: pathToFileURL(join(SAMPLES, 'plain', '10BERLIN180.txt')).href, type: FileChangeType.Changed }]);
    for (let waited = 0; changes.length === before && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(changes.at(-1), { ready: true, cables: 11 });
  });
});
