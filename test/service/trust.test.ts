// Nothing in a cable can make Cable run code or reach the network: a cable whose SUBJECT, TAGS and
// REF entries are command links, remote images and HTML (and a cited cable whose subject is one)
// shows them as text in hovers and in its summary (which VS Code renders in the markdown
// preview); its links lead only to cables in the workspace. (bench/fuzz.ts checks the same of
// every answer over the protocol, and that the code lens runs only Cable's own command.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unsafeMarkdown } from '../support/invariants.ts';
import { BAGHDAD_TEXT, BAGHDAD_URI, documentOf, hoverText, positionOf, SEED_TEXT, SEED_URI, serviceOver } from '../support/service.ts';
import { toLspDocumentLink } from '../../server/src/lsp/lsp-encodings.ts';
import { NEVER_CANCELLED } from '../../server/src/service/language-service.ts';

const COMMAND = '[run](command:workbench.action.terminal.new)';
const IMAGE = '![x](https://evil.example/x.png)';
const HTML = '<img src=x onerror=alert(1)>';

const hostileSeed = SEED_TEXT.replace('TAGS: [PGOV](#)', `TAGS: [PGOV](command:workbench.action.terminal.new) ${HTML}`)
  .replace('SUBJECT: MAJOR GENERAL', `SUBJECT: ${COMMAND} ${IMAGE} ${HTML} MAJOR GENERAL`)
  .replace('REF: 2008 BAGHDAD 3475', `REF: 2008 BAGHDAD 3475 ${COMMAND} ${HTML}`);
const hostileBaghdad = BAGHDAD_TEXT.replace(
  'SUBJECT: SYNTHETIC TEST CABLE',
  `SUBJECT: ${IMAGE} ${COMMAND} <script>alert(1)</script> SYNTHETIC TEST CABLE`,
);

describe('cable text never becomes markup, a command or a network address', () => {
  const { service } = serviceOver({ [SEED_URI]: hostileSeed, [BAGHDAD_URI]: hostileBaghdad });
  const document = documentOf(SEED_URI, hostileSeed);

  it('the payloads are where the parser reads the subject, TAGS and REF entries', () => {
    const model = service.model(document, NEVER_CANCELLED);
    assert.match(model.subject!.text, /command:workbench/);
    assert.ok(model.tags!.codes.some((tag) => tag.code === 'PGOV'));
    assert.equal(model.references!.entries[0]!.id, '08BAGHDAD3475');
  });

  it('the summary shows them as text, the cited cable’s subject too', async () => {
    const markdown = (await service.summary(document, NEVER_CANCELLED))!;
    assert.deepEqual(unsafeMarkdown(markdown), [], markdown);
    // Shown, escaped: the check above had them to look at.
    assert.match(markdown, /command:workbench\.action\.terminal\.new/);
    assert.match(markdown, /evil\.example/);
    assert.match(markdown, /\\<script\\>/);
  });

  it('hovers on the subject, the TAGS code and the REF entry show them as text', async () => {
    await service.ensureIndexed(NEVER_CANCELLED);
    const hovers = [
      positionOf(document, 'SUBJECT', 1),
      positionOf(document, 'PGOV', 1),
      positionOf(document, '2008 BAGHDAD', 2),
      positionOf(document, COMMAND, 3),
    ].map((position) => hoverText(service.hover(document, position, NEVER_CANCELLED)));
    assert.ok(
      hovers.some((text) => text.includes('evil.example')),
      'the cited cable’s subject is in a hover',
    );
    for (const text of hovers) assert.deepEqual(unsafeMarkdown(text), [], text);
  });

  it('links and the code lens’s citations lead only to workspace cables', async () => {
    const links = (await service.documentLinks(document, NEVER_CANCELLED)).map(toLspDocumentLink);
    assert.ok(links.length > 0);
    for (const link of links) assert.ok(link.target!.startsWith('file:///ws/'), link.target);
    const lens = await service.codeLens(documentOf(BAGHDAD_URI, hostileBaghdad), NEVER_CANCELLED);
    assert.ok(lens && lens.locations.length > 0 && lens.locations.every((location) => location.uri.startsWith('file:///ws/')));
  });
});
