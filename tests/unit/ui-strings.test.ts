// Every word a coach reads comes from public/_locales: this test parses the UI
// code (components/, entrypoints/, lib/) with the TypeScript compiler and fails on
// user-visible literal text that is not a locale lookup: JSX text, literal
// aria-label / title / placeholder / alt / label attributes, and the same given to
// DOM nodes by hand (textContent, setAttribute). A literal with no letters in it
// (punctuation, numbers such as 988) says nothing that needs translating.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../lib/i18n';

const ROOT = join(import.meta.dirname, '..', '..');
const UI_DIRS = ['components', 'entrypoints', 'lib'];
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);
/** Object properties that browser APIs show (notifications, context menus). */
const TEXT_OPTIONS = new Set(['title', 'message', 'contextMessage', 'buttons']);
const TEXT_PROPERTIES = new Set([
  'textContent',
  'innerText',
  'title',
  'placeholder',
  'alt',
  'ariaLabel',
]);

/**
 * Literals that are allowed although they have letters, each with its reason.
 * Keep this short: anything a coach reads in a sentence belongs in the locale files.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  Clearline: 'the product name, the same in every language',
};

const LOCALE_KEYS = new Set(Object.keys(catalog('en')));
const isLocaleKey = (text: string) => LOCALE_KEYS.has(text);

/** Visible words: any letter in any script. "988", "·", "(", "—" have none. */
const hasWords = (text: string) => /\p{L}/u.test(text);

export interface Finding {
  file: string;
  line: number;
  text: string;
  where: string;
}

function literalText(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  }
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isConditionalExpression(node)) {
    const parts = [literalText(node.whenTrue), literalText(node.whenFalse)].filter(
      (p): p is string => p !== null,
    );
    return parts.length > 0 ? parts.join(' ') : null;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const parts = [literalText(node.left), literalText(node.right)].filter(
      (p): p is string => p !== null,
    );
    return parts.length > 0 ? parts.join(' ') : null;
  }
  return null;
}

/** An object given to notifications.create, contextMenus.create or .update. */
function isBrowserUiOptions(object: ts.Node): boolean {
  const call = object.parent;
  return (
    ts.isObjectLiteralExpression(object) &&
    call !== undefined &&
    ts.isCallExpression(call) &&
    ts.isPropertyAccessExpression(call.expression) &&
    ['create', 'update'].includes(call.expression.name.text)
  );
}

/** The user-visible literal text in one source file. */
export function findLiteralText(fileName: string, source: string): Finding[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const out: Finding[] = [];
  const add = (node: ts.Node, text: string, where: string) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!hasWords(trimmed) || Object.hasOwn(ALLOWED, trimmed)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    out.push({ file: fileName, line, text: trimmed, where });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      add(node, node.text, 'JSX text');
    } else if (ts.isJsxExpression(node) && ts.isJsxElement(node.parent) && node.expression) {
      // {'literal'} as a child is text too.
      const text = literalText(node.expression);
      if (text !== null) add(node, text, 'JSX text');
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      if (TEXT_ATTRIBUTES.has(name)) {
        const init = node.initializer;
        const text =
          init && ts.isJsxExpression(init) ? literalText(init.expression) : literalText(init);
        if (text !== null) add(node, text, `${name}=`);
      }
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      TEXT_PROPERTIES.has(node.left.name.text)
    ) {
      const text = literalText(node.right);
      if (text !== null) add(node, text, `.${node.left.name.text} =`);
    } else if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      TEXT_OPTIONS.has(node.name.text) &&
      isBrowserUiOptions(node.parent)
    ) {
      const text = literalText(node.initializer);
      // A locale key given as data (the audit checklist's titles) is a lookup.
      if (text !== null && !isLocaleKey(text)) add(node, text, `${node.name.text}:`);
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'setAttribute'
    ) {
      const [attr, value] = node.arguments;
      if (attr && ts.isStringLiteral(attr) && TEXT_ATTRIBUTES.has(attr.text)) {
        const text = literalText(value);
        if (text !== null) add(node, text, `setAttribute('${attr.text}')`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function uiFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...uiFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

describe('user-visible text', () => {
  it('comes from the locale files in every component, page and library module', () => {
    const files = UI_DIRS.flatMap((d) => uiFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(40);
    const findings = files.flatMap((file) =>
      findLiteralText(relative(ROOT, file), readFileSync(file, 'utf8')),
    );
    expect(findings.map((f) => `${f.file}:${f.line} ${f.where} "${f.text}"`)).toEqual([]);
  });

  it('catches each kind of literal text (the scanner itself)', () => {
    const found = findLiteralText(
      'x.tsx',
      `const a = <p>Hello there</p>;
       const b = <button aria-label="Close now">×</button>;
       const c = <input placeholder={'Type here'} title={busy ? 'Wait' : t('ok')} />;
       const d = <p>{'Plain words'}</p>;
       el.textContent = 'Set by hand';
       el.setAttribute('aria-label', \`Label \${n}\`);
       const fine = <p>{t('key')} · 988 {name}</p>;
       const brand = <span>Clearline</span>;
       notifications.create({ title: 'Time to check', message: t('x') });
       const item = { title: 'auditFbFuturePosts', message: 'remind' };
       menus.update('id', { title: 'auditFbFuturePosts' });`,
    );
    expect(found.map((f) => [f.line, f.text])).toEqual([
      [1, 'Hello there'],
      [2, 'Close now'],
      [3, 'Type here'],
      [3, 'Wait'],
      [4, 'Plain words'],
      [5, 'Set by hand'],
      [6, 'Label'],
      [9, 'Time to check'],
    ]);
  });
});
