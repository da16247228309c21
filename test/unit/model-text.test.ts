// The model's character-level readers against the patterns they stand for: white space as `\s`
// reads it, words as runs of `\S`, trimmed ends, and real dates as Date.UTC counts them; the body's
// scan helped by searches of the whole text against the scan of every line. They are shortcuts
// for speed (bench/parse-compare.mjs); these tests hold them to the patterns' meaning.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseBody } from '../../server/src/model/body.ts';
import { isoDate } from '../../server/src/model/dates.ts';
import { isSpace, splitLines, trimmedEnd } from '../../server/src/model/text.ts';
import { wordsOf } from '../../server/src/model/words.ts';
import { anyCableText, propertyParameters, REAL_CABLES } from '../support/cable-arbitraries.ts';

/** Strings of white space of every kind, letters and punctuation. */
const line = fc
  .array(fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', '\v', 'A', 'bc', 'XYZ', '.', '-', '¶', 'É'), {
    maxLength: 16,
  })
  .map((parts) => parts.join(''));

describe('model text readers', () => {
  it('isSpace is true for exactly the code units `\\s` matches', () => {
    for (let c = 0; c <= 0xffff; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });

  it('trimmedEnd ends where trimEnd does', () => {
    fc.assert(
      fc.property(line, (text) => assert.equal(trimmedEnd(text), text.trimEnd().length)),
      propertyParameters(500),
    );
  });

  it('wordsOf gives the runs `\\S+` finds, cut at `to`', () => {
    fc.assert(
      fc.property(line, fc.nat(20), fc.nat(20), (text, from, to) => {
        const expected: { text: string; start: number }[] = [];
        const word = /\S+/g;
        word.lastIndex = from;
        for (let m = word.exec(text); m && m.index < to; m = word.exec(text))
          expected.push({ text: text.slice(m.index, Math.min(m.index + m[0].length, to)), start: m.index });
        assert.deepEqual(wordsOf(text, from, to), expected);
      }),
      propertyParameters(500),
    );
  });

  it('isoDate takes the dates Date.UTC takes, leap days included', () => {
    for (const year of [0, 4, 99, 100, 1900, 1972, 1999, 2000, 2008, 2010, 2100, 2400])
      for (let month = 0; month <= 13; month++)
        for (const day of [0, 1, 28, 29, 30, 31, 32]) {
          const real = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
          assert.equal(isoDate(year, month, day) !== undefined, real, `${year}-${month}-${day}`);
        }
  });

  it("the body's scan finds with the whole text's searches what it finds in every line without them", () => {
    const bodies = (text: string) => {
      const lines = splitLines(text);
      return [parseBody(lines, 0, 'plain', text), parseBody(lines, 0, 'plain', undefined)];
    };
    for (const cable of REAL_CABLES) {
      const [searched, scanned] = bodies(cable.text);
      assert.deepEqual(searched, scanned, cable.name);
    }
    fc.assert(
      fc.property(anyCableText, (text) => {
        const [searched, scanned] = bodies(text);
        assert.deepEqual(searched, scanned);
      }),
      propertyParameters(300),
    );
  });
});
