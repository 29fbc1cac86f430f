// The agency policy, declared once: every setting (definitions.ts), plus the keys
// only an agency sets. Here, beside the settings, because the policy is their top
// layer: the settings read it, and lib/policy/ only delivers and checks it. From these fields come Clearline's own validation (the
// only check Firefox gets), public/managed_schema.json (Chromium's check, kept in
// sync by a test), the options page's "set by your agency" and docs/deploy.md's
// table. Pure: runs in the extension and in `npm run policy:check`.
import * as v from 'valibot';
import { AUDIT_ITEMS } from '../audit/checklist';
import { SETTING_FIELDS, SETTING_KEYS, type SettingKey } from './definitions';
import {
  choice,
  describe,
  flag,
  listOf,
  patterned,
  text,
  type DescribedField,
  type JsonSchema,
} from './fields';

export const AGENCY_FIELDS = {
  agencyName: describe(
    text(120),
    'Agency name',
    'Shown next to every setting the agency fixes ("Set by your agency: <name>") and on the welcome page.',
  ),
  policyUrl: describe(
    patterned('^https://[^\\s]+$', 2000, 'an https:// address'),
    'Link to the agency social media policy',
    'An https:// address of the agency policy, linked from the welcome page, the options page and the popup.',
  ),
  policyText: describe(
    text(4000),
    'Agency social media policy, in short',
    'A few plain sentences of the agency rules, shown on the welcome page and the options page. Up to 4000 characters.',
  ),
  supervisorContact: describe(
    text(300),
    'Who to ask',
    'How to reach a supervisor with a question about a boundary (a name and a phone or email). Shown in prompts and on the options page.',
  ),
  requiredAuditItems: describe(
    listOf(choice(AUDIT_ITEMS.map((item) => item.id)), AUDIT_ITEMS.length),
    'Privacy check items the agency requires',
    `The privacy check items a coach must have at the recommended value; the popup flags any that are not. Item ids: ${AUDIT_ITEMS.map((item) => item.id).join(', ')}.`,
  ),
  requirePassphrase: describe(
    flag(),
    'Require a passphrase',
    'true: the client list cannot be used (nothing can be added, seen or backed up) until the coach sets a passphrase, and the passphrase cannot be removed. Noting a client post, and the risk-of-harm steps, always work.',
  ),
  showWelcome: describe(
    flag(),
    'Show the welcome page',
    'false: no welcome page opens when Clearline is installed. On by default.',
  ),
  allowUserChanges: describe(
    flag(),
    'Let coaches change settings',
    'false: the coach can change no setting at all; settings the policy does not give keep their defaults. On by default.',
  ),
} as const;

export type AgencyKey = keyof typeof AGENCY_FIELDS;

/**
 * Keys that fail closed: present but not a valid value (the string "true", a
 * number), the agency meant to set them, and guessing "not set" would loosen the
 * rule. Their strictest value applies instead, and the problem is reported.
 * (Chromium drops a mistyped value before Clearline sees it: docs/deploy.md.)
 */
export const FAIL_CLOSED = {
  requirePassphrase: true,
  allowUserChanges: false,
} as const satisfies Partial<Record<AgencyKey, boolean>>;
export const AGENCY_KEYS = Object.keys(AGENCY_FIELDS) as AgencyKey[];

export type AgencyRules = {
  [K in AgencyKey]?: v.InferOutput<(typeof AGENCY_FIELDS)[K]['schema']>;
};

export const POLICY_FIELDS: Record<AgencyKey | SettingKey, DescribedField> = {
  ...AGENCY_FIELDS,
  ...SETTING_FIELDS,
};
export const POLICY_KEYS = [...AGENCY_KEYS, ...SETTING_KEYS];

/** Chromium's managed_schema: the same fields, with their titles and descriptions. */
export function managedSchema(): {
  type: 'object';
  properties: Record<string, JsonSchema & { title: string; description: string }>;
} {
  return {
    type: 'object',
    properties: Object.fromEntries(
      POLICY_KEYS.map((key) => {
        const field = POLICY_FIELDS[key];
        return [key, { title: field.title, description: field.description, ...field.json }];
      }),
    ),
  };
}

export interface PolicyProblem {
  /** Where in the policy, e.g. "promptMode.friend" or "(policy)". */
  path: string;
  message: string;
}

export interface ReadPolicy {
  /** The settings the agency fixes, each already checked. */
  settings: Partial<Record<SettingKey, unknown>>;
  agency: AgencyRules;
  /** Keys left out, with why: each is ignored, the rest applies. */
  problems: PolicyProblem[];
}

function issuePath(key: string, issue: v.BaseIssue<unknown>): string {
  const inner = (issue.path ?? []).map((item) => String(item.key));
  return [key, ...inner].join('.');
}

/**
 * Reads a policy key by key: a bad key is reported and left out, never the
 * whole policy (a FAIL_CLOSED key takes its strictest value instead). This is
 * all the checking Firefox does, and `policy:check`'s too.
 */
export function readPolicy(raw: unknown): ReadPolicy {
  const result: ReadPolicy = { settings: {}, agency: {}, problems: [] };
  if (raw === undefined || raw === null) return result;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    result.problems.push({ path: '(policy)', message: 'the policy must be an object of keys' });
    return result;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(POLICY_FIELDS, key)) {
      result.problems.push({ path: key, message: 'unknown key (a typo, or a newer version)' });
      continue;
    }
    const field = POLICY_FIELDS[key as AgencyKey | SettingKey];
    const parsed = v.safeParse(field.schema, value);
    if (!parsed.success) {
      const strict = Object.hasOwn(FAIL_CLOSED, key)
        ? FAIL_CLOSED[key as keyof typeof FAIL_CLOSED]
        : undefined;
      for (const issue of parsed.issues) {
        const message =
          strict === undefined
            ? issue.message
            : `${issue.message}; the strictest value (${strict}) applies until this is fixed`;
        result.problems.push({ path: issuePath(key, issue), message });
      }
      if (strict !== undefined) (result.agency as Record<string, unknown>)[key] = strict;
      continue;
    }
    if ((AGENCY_KEYS as string[]).includes(key)) {
      (result.agency as Record<string, unknown>)[key] = parsed.output;
    } else {
      result.settings[key as SettingKey] = parsed.output;
    }
  }
  return result;
}

/** Whether any key at all came from policy, good or bad: Clearline is then "managed". */
export function isManaged(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && Object.keys(raw).length > 0;
}
