// The same checked policy as macOS and Windows want it: a plist for the
// preference domain com.google.Chrome.extensions.<id> (a configuration profile's
// payload, e.g. in Jamf or Intune for Mac), and a .reg file for Chrome's and
// Edge's 3rdparty policy keys. Generated from docs/policies/chrome-linux.json by
// `npm run policy:formats`, so the four example files never disagree.

type Json = string | number | boolean | Json[] | { [key: string]: Json };

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function plistValue(value: Json, indent: string): string {
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  if (typeof value === 'number') return `${indent}<integer>${value}</integer>`;
  if (typeof value === 'string') return `${indent}<string>${xmlEscape(value)}</string>`;
  if (Array.isArray(value)) {
    return [
      `${indent}<array>`,
      ...value.map((item) => plistValue(item, indent + '  ')),
      `${indent}</array>`,
    ].join('\n');
  }
  return [
    `${indent}<dict>`,
    ...Object.entries(value).flatMap(([key, item]) => [
      `${indent}  <key>${xmlEscape(key)}</key>`,
      plistValue(item, indent + '  '),
    ]),
    `${indent}</dict>`,
  ].join('\n');
}

export function toPlist(policy: Record<string, Json>): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plistValue(policy, ''),
    '</plist>',
    '',
  ].join('\n');
}

const regString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * A REG_SZ value. Plain ASCII goes in quotes; text with line breaks or other
 * characters goes as hex(1) (REG_SZ spelled in UTF-16LE bytes), the only way a
 * .reg file carries them.
 */
function regText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return regString(text);
  const bytes: string[] = [];
  const units = `${text.replace(/\r?\n/g, '\r\n')}\0`;
  // UTF-16 code units, so characters outside the BMP become their surrogate pairs.
  for (let i = 0; i < units.length; i++) {
    const code = units.charCodeAt(i);
    bytes.push(
      (code & 0xff).toString(16).padStart(2, '0'),
      (code >> 8).toString(16).padStart(2, '0'),
    );
  }
  return `hex(1):${bytes.join(',')}`;
}

/**
 * Registry values: strings as REG_SZ, numbers and booleans as REG_DWORD, an
 * object as a subkey, a list as a subkey whose values are named 1, 2, 3 ...
 * (the way Chrome reads lists and dictionaries from the registry).
 */
function regKey(path: string, value: Record<string, Json> | Json[]): string[] {
  const entries: [string, Json][] = Array.isArray(value)
    ? value.map((item, i) => [String(i + 1), item])
    : Object.entries(value);
  const lines = [`[${path}]`];
  const nested: string[] = [];
  for (const [name, item] of entries) {
    if (typeof item === 'string') lines.push(`${regString(name)}=${regText(item)}`);
    else if (typeof item === 'number' || typeof item === 'boolean') {
      const dword = Number(item).toString(16).padStart(8, '0');
      lines.push(`${regString(name)}=dword:${dword}`);
    } else nested.push('', ...regKey(`${path}\\${name}`, item));
  }
  return [...lines, ...nested];
}

export function toReg(policy: Record<string, Json>, extensionId: string): string {
  const roots = [
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge',
  ];
  return [
    'Windows Registry Editor Version 5.00',
    '',
    '; Clearline agency policy for Chrome and Edge. Generated from chrome-linux.json by',
    '; `npm run policy:formats`: edit that file and regenerate, never this one.',
    ...roots.flatMap((root) => [
      '',
      ...regKey(`${root}\\3rdparty\\extensions\\${extensionId}\\policy`, policy),
    ]),
    '',
  ].join('\r\n');
}

export type { Json };
