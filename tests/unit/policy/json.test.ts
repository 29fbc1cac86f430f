// Where policy:check says a JSON syntax error is: line and column for the usual
// hand-editing mistakes, the same position Node gives where it gives one, and
// the offending line with a caret under it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeJsonError, parseJson, syntaxErrorOffset } from '../../../lib/policy/json';

const failure = (text: string) => {
  const read = parseJson(text);
  if (read.ok) throw new Error(`parsed: ${text}`);
  return read.error;
};
const at = (text: string) => {
  const { line, column } = failure(text);
  return { line, column };
};

describe('parseJson', () => {
  it('reads valid JSON, the example files included', () => {
    expect(parseJson('{"a": [1, 2.5e3, "x\\n", true, null]}')).toEqual({
      ok: true,
      value: { a: [1, 2500, 'x\n', true, null] },
    });
    for (const name of ['chrome-linux.json', 'firefox-policies.json']) {
      const text = readFileSync(new URL(`../../../docs/policies/${name}`, import.meta.url), 'utf8');
      expect(parseJson(text).ok, name).toBe(true);
      expect(syntaxErrorOffset(text), name).toBeNull();
    }
  });

  it('a trailing comma in an object: the } after it', () => {
    const text = '{\n  "agencyName": "Northside",\n  "showWelcome": true,\n}\n';
    expect(at(text)).toEqual({ line: 4, column: 1 });
    expect(failure(text).message).toBe('Expected double-quoted property name');
    expect(failure(text).hint).toBe('JSON allows no comma before }');
  });

  it('a trailing comma in a list, where Node gives no position: the ] after it', () => {
    const text = '{\n  "workHours": { "days": [1, 2, 3,], "start": "08:30", "end": "17:00" }\n}';
    expect(at(text)).toEqual({ line: 2, column: 35 });
    expect(failure(text).message).toBe("Unexpected token ']'");
    expect(failure(text).hint).toBe('JSON allows no comma before ]');
  });

  it('a missing closing brace: just after the last thing written', () => {
    const text = [
      '{',
      '  "3rdparty": {',
      '    "extensions": {',
      '      "abc": { "agencyName": "Northside" }',
      '    }',
      '}',
      '',
      '',
    ].join('\n');
    expect(at(text)).toEqual({ line: 6, column: 2 });
    expect(failure(text).hint).toMatch(/ends with something still open/);
    expect(failure(text).excerpt).toEqual(['}', ' ^']);
  });

  it('a missing opening brace: the text after the first value', () => {
    expect(at('\n  "agencyName": "Northside"\n}')).toEqual({ line: 2, column: 15 });
  });

  it('a missing comma between two keys: the second key', () => {
    const text = '{\n  "agencyName": "Northside"\n  "showWelcome": true\n}';
    expect(at(text)).toEqual({ line: 3, column: 3 });
    expect(failure(text).message).toBe("Expected ',' or '}' after property value");
  });

  it('a comment, an unquoted key, single quotes, a bare word', () => {
    expect(at('// Clearline\n{}')).toEqual({ line: 1, column: 1 });
    expect(failure('// Clearline\n{}').hint).toBe('JSON has no comments');
    expect(at('{\n  agencyName: "x"\n}')).toEqual({ line: 2, column: 3 });
    expect(at('{\n  "agencyName": \'x\'\n}')).toEqual({ line: 2, column: 17 });
    expect(at('{"showWelcome": True}')).toEqual({ line: 1, column: 17 });
  });

  it('a line break typed inside a string: where it starts', () => {
    const text = '{\n  "policyText": "First rule.\nSecond rule."\n}';
    expect(at(text)).toEqual({ line: 2, column: 29 });
    expect(failure(text).hint).toMatch(/written as \\n/);
  });

  it('Windows line endings count as one line break, and stay out of the excerpt', () => {
    const text = '{\r\n  "agencyName": "x",\r\n}\r\n';
    expect(at(text)).toEqual({ line: 3, column: 1 });
    expect(failure(text).excerpt).toEqual(['}', '^']);
  });

  it('an empty file', () => {
    expect(at('')).toEqual({ line: 1, column: 1 });
    expect(at('\n\n')).toEqual({ line: 1, column: 1 });
    expect(failure('\n').hint).toBe('the file is empty');
  });

  it.each([
    '{"a":1,}',
    '{"a":1',
    '{"a" 1}',
    '{a:1}',
    '{"a":1}}',
    '{"a": "x\\q"}',
    '{"a": "\\u12g4"}',
    '{"a": "x\ny"}',
    '"abc',
    '01',
    '-',
    '1.',
    '1e',
    '[1 2]',
    '{"a":-x}',
    '{"a": 1.5e+}',
    '{\n  "a": [\n    1,\n    2\n  }\n}',
  ])('finds the position Node gives, where it gives one: %j', (text) => {
    let message = '';
    try {
      JSON.parse(text);
    } catch (error) {
      message = (error as Error).message;
    }
    const position = /at position (\d+)/.exec(message);
    expect(position, message).not.toBeNull();
    expect(syntaxErrorOffset(text)).toBe(Number(position![1]));
  });

  it.each(['[1,2,]', '{"a": nope}', '{"a": tru}', '// c\n{}', '\uFEFF{}'])(
    'points at the character Node names, where it gives no position: %j',
    (text) => {
      let message = '';
      try {
        JSON.parse(text);
      } catch (error) {
        message = (error as Error).message;
      }
      const token = /^Unexpected token '(.)'/su.exec(message);
      expect(token, message).not.toBeNull();
      expect(text[syntaxErrorOffset(text)!]).toBe(token![1]);
    },
  );
});

describe('the excerpt', () => {
  it('puts the caret under the offending character, tabs kept', () => {
    const { excerpt, column } = failure('{\n\t"a": tru\n}');
    expect(column).toBe(10);
    expect(excerpt).toEqual(['\t"a": tru', '\t        ^']);
  });

  it('cuts a long line to a window around the caret', () => {
    const long = 'x'.repeat(300);
    const text = `{"policyText": "${long}" "y": 1}`;
    const { excerpt, column } = failure(text);
    expect(column).toBe(text.indexOf('"y"') + 1);
    const [shown, caret] = excerpt;
    expect(shown.length).toBeLessThanOrEqual(102);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown[caret.length - 1]).toBe('"');
    expect(shown.slice(caret.length - 1, caret.length + 2)).toBe('"y"');
  });

  it('is printed under file:line:column', () => {
    const error = failure('{\n  "agencyName": "Northside",\n}');
    expect(describeJsonError('agency.json', error)).toEqual([
      'agency.json:3:1: not valid JSON: Expected double-quoted property name (JSON allows no comma before })',
      '  3 | }',
      '    | ^',
    ]);
  });
});
