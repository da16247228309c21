// A REF entry citing several cables, or naming its post as REF lines do (`MEXICO CITY`, a misspelt
// `BRASLIA`, the year on the line before): each cited cable has its own ID, hover, link, token and
// definition target, and the hover says how the ID was read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentOf, hoverText, positionOf, serviceOver } from '../support/service.ts';
import { NEVER_CANCELLED } from '../../server/src/service/language-service.ts';

/** A small cable of the workspace: `post` as its banner writes it, `serial`, a DTG in `year`. */
function cableText(post: string, serial: string, year: string, subject: string): string {
  return [
    `R 311200Z OCT ${year}`,
    `FM AMEMBASSY ${post}`,
    'TO SECSTATE WASHDC',
    'BT',
    `UNCLAS ${post} ${serial.padStart(6, '0')}`,
    '',
    'E.O. 12958: N/A',
    'TAGS: PGOV',
    `SUBJECT: ${subject}`,
    '',
    '1. (U) Text.',
    '',
  ].join('\n');
}

const CITING_URI = 'file:///ws/09LONDON5.cable';
const CITING = [
  'R 011200Z NOV 09',
  'FM AMEMBASSY LONDON',
  'TO SECSTATE WASHDC',
  'BT',
  'UNCLAS LONDON 000005',
  '',
  'E.O. 12958: N/A',
  'TAGS: PGOV',
  'SUBJECT: CITING SEVERAL CABLES',
  'REF: A. STATE 12345 AND 12377 B. MEXICO CITY 1234 C. BRASLIA 99',
  'D. 2008',
  'BAKU 917',
  '',
  '1. (U) Text.',
  '',
].join('\n');

function workspace() {
  return serviceOver({
    [CITING_URI]: CITING,
    'file:///ws/09STATE12345.cable': cableText('STATE', '12345', '09', 'THE FIRST STATE CABLE').replace(
      'FM AMEMBASSY STATE',
      'FM SECSTATE WASHDC',
    ),
    'file:///ws/09STATE12377.cable': cableText('STATE', '12377', '09', 'THE SECOND STATE CABLE').replace(
      'FM AMEMBASSY STATE',
      'FM SECSTATE WASHDC',
    ),
    'file:///ws/09MEXICO1234.cable': cableText('MEXICO', '1234', '09', 'A MEXICO CABLE'),
  });
}

describe('REF entries citing several cables, and posts read as WikiLeaks names them', () => {
  it('each serial of `STATE 12345 AND 12377` leads to its own cable, and `MEXICO CITY 1234` to 09MEXICO1234', async () => {
    const { service } = workspace();
    await service.ensureIndexed(NEVER_CANCELLED);
    const document = documentOf(CITING_URI, CITING);
    const target = async (needle: string) =>
      (await service.definition(document, positionOf(document, needle), NEVER_CANCELLED)).map((d) => [
        d.targetUri,
        document.getText(d.originSelectionRange),
      ]);
    assert.deepEqual(await target('STATE 12345'), [['file:///ws/09STATE12345.cable', 'STATE 12345']]);
    assert.deepEqual(await target('12377'), [['file:///ws/09STATE12377.cable', '12377']]);
    assert.deepEqual(await target('MEXICO CITY'), [['file:///ws/09MEXICO1234.cable', 'B. MEXICO CITY 1234']]);
  });

  it('a link for each cited cable in the workspace, none for the others', async () => {
    const { service } = workspace();
    await service.ensureIndexed(NEVER_CANCELLED);
    const document = documentOf(CITING_URI, CITING);
    const links = await service.documentLinks(document, NEVER_CANCELLED);
    assert.deepEqual(
      links.map((l) => [document.getText(l.range), l.tooltip]),
      [
        ['STATE 12345', 'Open 09STATE12345: THE FIRST STATE CABLE'],
        ['12377', 'Open 09STATE12377: THE SECOND STATE CABLE'],
        ['MEXICO CITY 1234', 'Open 09MEXICO1234: A MEXICO CABLE'],
      ],
    );
  });

  it('the hover on a serial names its ID and how it was read; on the entry, every cited cable', async () => {
    const { service } = workspace();
    await service.ensureIndexed(NEVER_CANCELLED);
    const document = documentOf(CITING_URI, CITING);
    const hoverOn = (needle: string, offset = 0) =>
      hoverText(service.hover(document, positionOf(document, needle, offset), NEVER_CANCELLED));
    const second = hoverOn('12377');
    assert.match(second, /Cable `09STATE12377`\. One of 2 cables this entry cites\./);
    assert.doesNotMatch(second, /09STATE12345/);
    assert.match(second, /THE SECOND STATE CABLE/);
    const whole = hoverOn('AND');
    assert.match(whole, /`09STATE12345`[\s\S]*`09STATE12377`/);
    assert.match(
      hoverOn('MEXICO CITY'),
      /Cable `09MEXICO1234`\. Read `MEXICO CITY` as `MEXICO`, the name WikiLeaks gives this post in cable IDs\./,
    );
    assert.match(
      hoverOn('BRASLIA'),
      /Cable `09BRASILIA99`\. Read the misspelt `BRASLIA` as `BRASILIA`, the one known post within two letters of it\.[\s\S]*Not in the workspace\./,
    );
    assert.match(hoverOn('BAKU'), /Cable `08BAKU917`\. The year stands on the line before the post\./);
  });

  it('the code lens counts every cited cable: 12345, 12377, MEXICO, BRASILIA and BAKU', async () => {
    const { service } = workspace();
    await service.ensureIndexed(NEVER_CANCELLED);
    const lens = await service.codeLens(documentOf(CITING_URI, CITING), NEVER_CANCELLED);
    assert.equal(lens?.title, 'cited by 0 cables · cites 5');
  });
});
