// Reads a policy file's JSON for `npm run policy:check`, and says where a
// syntax error is as line:column with the line itself. Node's JSON.parse gives
// a position for some errors only: not for a trailing comma in a list, a
// comment or a stray word ("Unexpected token ']', ... is not valid JSON"), the
// hand-editing mistakes an agency's file most often has. So the position comes
// from syntaxErrorOffset below, a scan of the same grammar; the words come from
// Node.

export interface JsonSyntaxError {
  /** Node's description, without its own position or quoted excerpt. */
  message: string;
  /** A hint for the two usual hand-editing mistakes, or null. */
  hint: string | null;
  /** 1-based, as editors count them; the column counts UTF-16 code units, as Node's position does. */
  line: number;
  column: number;
  /** The offending line, and a caret under the column. */
  excerpt: [string, string];
}

export type JsonRead = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

class SyntaxAt {
  constructor(readonly offset: number) {}
}

const WHITESPACE = ' \t\n\r';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/**
 * The offset of the first character JSON.parse rejects, text.length if the text
 * ends too soon, or null if the text is valid JSON. Recursive, which is fine for
 * a policy file's few levels.
 */
export function syntaxErrorOffset(text: string): number | null {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxAt(i);
  };
  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.includes(text.charAt(i))) i++;
  };
  const take = (expected: string) => {
    for (const c of expected) {
      if (text[i] !== c) fail();
      i++;
    }
  };
  const digits = () => {
    if (!isDigit(text[i])) fail();
    while (isDigit(text[i])) i++;
  };

  const string = () => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') fail();
      i++;
      if (c === '"') return;
      if (c !== '\\') continue;
      const escape = text[i];
      if (escape === 'u') {
        i++;
        for (let k = 0; k < 4; k++, i++) if (!isHex(text[i])) fail();
      } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i++;
      else fail();
    }
  };

  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };

  const value = (): void => {
    skipWhitespace();
    const c = text[i];
    if (c === '{') {
      i++;
      skipWhitespace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipWhitespace();
        if (text[i] !== '"') fail();
        string();
        skipWhitespace();
        take(':');
        value();
        skipWhitespace();
        if (text[i] !== ',') return take('}');
        i++;
      }
    }
    if (c === '[') {
      i++;
      skipWhitespace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        skipWhitespace();
        if (text[i] !== ',') return take(']');
        i++;
      }
    }
    if (c === '"') return string();
    if (c === 't') return take('true');
    if (c === 'f') return take('false');
    if (c === 'n') return take('null');
    if (c === '-' || isDigit(c)) return number();
    fail();
  };

  try {
    value();
    skipWhitespace();
    if (i < text.length) fail();
    return null;
  } catch (error) {
    if (error instanceof SyntaxAt) return error.offset;
    throw error;
  }
}

/** Node's message without the position and excerpt it adds, which the caret replaces. */
function nodeWords(message: string): string {
  return message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '');
}

const EXCERPT_WIDTH = 100;

function excerpt(line: string, column: number): [string, string] {
  // Long lines (policyText, crisisProtocol) are cut to a window around the caret.
  let start = 0;
  if (line.length > EXCERPT_WIDTH) {
    start = Math.max(0, Math.min(column - 1 - EXCERPT_WIDTH / 2, line.length - EXCERPT_WIDTH));
  }
  const end = start + EXCERPT_WIDTH;
  const lead = start > 0 ? '…' : '';
  const shown = `${lead}${line.slice(start, end)}${end < line.length ? '…' : ''}`;
  // Tabs stay tabs under the line, so the caret lines up however wide they show.
  const pad = `${lead}${line.slice(start, column - 1)}`.replace(/[^\t]/g, ' ');
  return [shown, `${pad}^`];
}

export function locate(text: string, offset: number): Omit<JsonSyntaxError, 'message' | 'hint'> {
  const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
  const column = offset - lineStart + 1;
  return {
    line: text.slice(0, lineStart).split('\n').length,
    column,
    excerpt: excerpt(line, column),
  };
}

function hintAt(text: string, offset: number, atEnd: boolean, message: string): string | null {
  if (message.startsWith('Bad control character')) {
    return 'a line break or tab inside a string must be written as \\n or \\t';
  }
  if (offset === 0 && atEnd) return 'the file is empty';
  if (atEnd) return 'the file ends with something still open: a } or ] or " is missing';
  const c = text.charAt(offset);
  if (c === '/' || c === '#') return 'JSON has no comments';
  const before = text.slice(0, offset).replace(/[ \t\n\r]+$/, '');
  if ((c === '}' || c === ']') && before.endsWith(',')) {
    return `JSON allows no comma before ${c}`;
  }
  return null;
}

export function parseJson(text: string): JsonRead {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    let offset = syntaxErrorOffset(text) ?? 0;
    // "Ends too soon" points just past the last thing written, not at the blank
    // lines after it.
    const contentEnd = text.replace(/[ \t\n\r]+$/, '').length;
    const atEnd = offset >= contentEnd;
    offset = Math.min(offset, contentEnd);
    const message = nodeWords(error.message);
    return {
      ok: false,
      error: { message, hint: hintAt(text, offset, atEnd, message), ...locate(text, offset) },
    };
  }
}

/** What `npm run policy:check` prints: file:line:column, then the line with a caret. */
export function describeJsonError(file: string, error: JsonSyntaxError): string[] {
  const hint = error.hint ? ` (${error.hint})` : '';
  const gutter = String(error.line);
  return [
    `${file}:${error.line}:${error.column}: not valid JSON: ${error.message}${hint}`,
    `  ${gutter} | ${error.excerpt[0]}`,
    `  ${' '.repeat(gutter.length)} | ${error.excerpt[1]}`,
  ];
}
