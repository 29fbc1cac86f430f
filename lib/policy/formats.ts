// The same checked policy as macOS and Windows want it: a plist for the
// preference domain com.google.Chrome.extensions.<id> (a configuration profile's
// payload, e.g. in Jamf or Intune for Mac), and a .reg file for Chrome's and
// Edge's force-install list and 3rdparty policy keys. Generated from
// docs/policies/chrome-linux.json by `npm run policy:formats`, so the example
// files never disagree.

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

/** The plist, with an optional XML comment (lines without "--") above it. */
export function toPlist(policy: Record<string, Json>, comment: string[] = []): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    ...comment.map((line, i) => {
      if (line.includes('--')) throw new Error(`an XML comment cannot hold "--": ${line}`);
      const open = i === 0 ? '<!-- ' : '     ';
      return `${open}${line}${i === comment.length - 1 ? ' -->' : ''}`;
    }),
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

/** The .reg file: the force-install entries (if any), then the policy, for Chrome and for Edge. */
export function toReg(
  policy: Record<string, Json>,
  extensionId: string,
  forcelist: string[] = [],
): string {
  const roots = [
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome',
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge',
  ];
  return [
    'Windows Registry Editor Version 5.00',
    '',
    '; Clearline agency policy for Chrome and Edge. Generated from chrome-linux.json by',
    '; `npm run policy:formats`: edit that file and regenerate, never this one.',
    ...(forcelist.length > 0
      ? [
          '; The browsers read ExtensionInstallForcelist values 1, 2, 3 ... in order: importing',
          '; this file replaces values of the same number. If you already force-install other',
          '; extensions, renumber Clearline to follow them.',
        ]
      : []),
    ...roots.flatMap((root) => [
      ...(forcelist.length > 0
        ? ['', ...regKey(`${root}\\ExtensionInstallForcelist`, forcelist)]
        : []),
      '',
      ...regKey(`${root}\\3rdparty\\extensions\\${extensionId}\\policy`, policy),
    ]),
    '',
  ].join('\r\n');
}

/** The parts of docs/policies/chrome-linux.json the other formats are made from. */
export function chromeExample(source: unknown): {
  extensionId: string;
  policy: Record<string, Json>;
  forcelist: string[];
} {
  const file = source as {
    ExtensionInstallForcelist?: string[];
    '3rdparty': { extensions: Record<string, Record<string, Json>> };
  };
  const entries = Object.entries(file['3rdparty'].extensions);
  const [first] = entries;
  if (entries.length !== 1 || !first) throw new Error('the example names exactly one extension');
  return {
    extensionId: first[0],
    policy: first[1],
    forcelist: file.ExtensionInstallForcelist ?? [],
  };
}

/** docs/policies' generated files, by name, from chrome-linux.json. */
export function exampleFormats(
  source: unknown,
): Record<'clearline.plist' | 'clearline.reg', string> {
  const { extensionId, policy, forcelist } = chromeExample(source);
  // The plist carries only the policy, so it names the id and install entry here.
  const plistComment = [
    'Clearline agency policy for Chrome on macOS: the payload for the preference domain',
    `com.google.Chrome.extensions.${extensionId}.`,
    ...(forcelist.length > 0
      ? [
          'Install Clearline with ExtensionInstallForcelist in the com.google.Chrome domain:',
          ...forcelist.map((entry) => `  ${entry}`),
        ]
      : []),
    'Generated from chrome-linux.json by `npm run policy:formats`: edit that file and',
    'regenerate, never this one.',
  ];
  return {
    'clearline.plist': toPlist(policy, plistComment),
    'clearline.reg': toReg(policy, extensionId, forcelist),
  };
}

export type { Json };
