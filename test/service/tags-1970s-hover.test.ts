// Hover on the TAGS of a real 1974 PlusD cable (../shared/corpus/other-forms/plusd/1974STATE222278,
// `TAGS: PFOR, PINT, US, IS`): the decade's codes are explained with the source that gives them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { documentOf, hoverText, positionOf, seedWorkspace } from '../support/service.ts';
import { NEVER_CANCELLED } from '../../server/src/service/language-service.ts';

const PLUSD_FILE = resolve(__dirname, '../../../shared/corpus/other-forms/plusd/1974STATE222278.txt');
const skip = existsSync(PLUSD_FILE) ? false : `no PlusD cable at ${PLUSD_FILE}`;

describe('hover on the TAGS of a 1974 PlusD cable', { skip }, () => {
  const cable = skip ? undefined : documentOf('file:///plusd/1974STATE222278.txt', readFileSync(PLUSD_FILE, 'utf8'));
  const { service } = seedWorkspace();
  const hoverOn = (code: string) => {
    const hover = service.hover(cable!, positionOf(cable!, `${code},`, 1), NEVER_CANCELLED);
    assert.equal(cable!.getText(hover!.range!), code);
    return hoverText(hover);
  };

  it('PFOR: foreign policy and relations, from the 1974 TAGS handbook and the PlusD label, not unverified', () => {
    const text = hoverOn('PFOR');
    assert.match(text, /^\*\*PFOR\*\* — subject tag \(Political Affairs\): Foreign Policy and Relations\n/);
    assert.match(text, /Source: Department of State TAGS handbook .*TL:TAGS-1, 6-28-74/);
    assert.match(text, /search\.wikileaks\.org\/plusd\/cables\/1973STATE097844\\?_b\.html/);
    assert.doesNotMatch(text, /unverified/);
  });

  it('PINT: internal political affairs, sourced', () => {
    const text = hoverOn('PINT');
    assert.match(text, /subject tag \(Political Affairs\): Internal Political Affairs/);
    assert.doesNotMatch(text, /unverified/);
  });
});
