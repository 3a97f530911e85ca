import { ROLES, type Role } from './roles.js';

/**
 * The authorisation rules, in one table: for each action, which roles may do it and over which
 * records. Guards check the role part on every route (deny by default); use cases apply the scope
 * to the records they read, and a record outside it answers "not found", never its data.
 */
export const SCOPES = {
  all: 'every record',
  structure_tree: 'records of their structure and its child structures',
  structure: 'records of their own structure',
  portfolio: 'beneficiaries of their portfolio and those shared with them',
  introductions: 'beneficiaries only through introductions of their structure',
  self: 'their own record only',
} as const;
export type Scope = keyof typeof SCOPES;

export const ACTIONS = {
  'profile.read': 'read their own account',
  'structures.read': 'list and read structures',
  'structures.manage': 'create structures',
  'users.read': "read users' accounts (personal data: audited)",
  'users.manage': 'create users, change their roles or structure, disable them, reset passwords',
  'audit.read': 'query the audit log of personal-data access',
  'settings.manage': 'change platform settings',
  'beneficiaries.read': "read beneficiaries' files (personal data: audited)",
  'beneficiaries.write': "create and update beneficiaries' files",
  'beneficiaries.assign': 'register oriented beneficiaries, assign and transfer them between coaches (cap override)',
  'beneficiaries.erase': "anonymise a beneficiary's file (right to erasure)",
  'beneficiaries.share':
    "share parts of a file with another coach until a date, with the person's consent; revoke the share",
  'candidates.search':
    "rank the people of their structures' portfolios for an offer (pseudonymised until the person's coach agrees)",
  'offers.read': 'search and read job offers',
  'offers.manage': 'post and edit offers, manage ingestion sources',
  'employers.manage': 'employers, contacts, job analyses, introductions, placements',
  'indicators.read': 'programme indicators',
} as const;
export type Action = keyof typeof ACTIONS;

export const POLICY: Readonly<Record<Action, Partial<Record<Role, Scope>>>> = {
  'profile.read': { coach: 'self', platform_staff: 'self', manager: 'self', admin: 'self' },
  'structures.read': { coach: 'structure', platform_staff: 'structure', manager: 'structure_tree', admin: 'all' },
  'structures.manage': { admin: 'all' },
  'users.read': { coach: 'structure', manager: 'structure_tree', admin: 'all' },
  'users.manage': { admin: 'all' },
  'audit.read': { manager: 'structure_tree', admin: 'all' },
  'settings.manage': { admin: 'all' },
  'beneficiaries.read': { coach: 'portfolio', platform_staff: 'introductions', manager: 'structure_tree' },
  'beneficiaries.write': { coach: 'portfolio' },
  'beneficiaries.assign': { manager: 'structure_tree' },
  'beneficiaries.erase': { manager: 'structure_tree' },
  'beneficiaries.share': { coach: 'portfolio' },
  'candidates.search': { coach: 'structure_tree', platform_staff: 'structure_tree', manager: 'structure_tree' },
  'offers.read': { coach: 'all', platform_staff: 'all', manager: 'all' },
  'offers.manage': { platform_staff: 'structure' },
  'employers.manage': { platform_staff: 'structure', coach: 'structure' },
  'indicators.read': { manager: 'structure_tree', admin: 'all' },
};

/** Broadest first: when a user has several roles, the broadest scope among them applies. */
const SCOPE_ORDER: readonly Scope[] = ['all', 'structure_tree', 'structure', 'portfolio', 'introductions', 'self'];

/** The scope the roles give for an action, or null when none of them may do it. */
export function scopeFor(roles: readonly Role[], action: Action): Scope | null {
  const granted = roles.map((role) => POLICY[action][role]).filter((scope): scope is Scope => scope !== undefined);
  if (granted.length === 0) return null;
  return SCOPE_ORDER.find((scope) => granted.includes(scope)) ?? null;
}

export function isAllowed(roles: readonly Role[], action: Action): boolean {
  return scopeFor(roles, action) !== null;
}

/** The README's role × action table, generated from POLICY (a unit test keeps the README equal). */
export function accessMatrixMarkdown(): string {
  const header = `| action | ${ROLES.join(' | ')} |`;
  const rule = `| --- | ${ROLES.map(() => '---').join(' | ')} |`;
  const rows = (Object.keys(ACTIONS) as Action[]).map(
    (action) =>
      `| \`${action}\`: ${ACTIONS[action]} | ${ROLES.map((role) => POLICY[action][role] ?? 'no').join(' | ')} |`,
  );
  const legend = (Object.keys(SCOPES) as Scope[]).map((scope) => `- \`${scope}\`: ${SCOPES[scope]}`);
  return [header, rule, ...rows, '', 'Scopes:', ...legend].join('\n');
}
