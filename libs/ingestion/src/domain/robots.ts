/**
 * robots.txt as crawlers read it (RFC 9309): the group for our user agent, else the `*` group;
 * the longest matching Allow/Disallow rule wins, Allow on a tie; `*` and `$` wildcards; Crawl-delay.
 */
export interface RobotsRules {
  isAllowed(pathWithQuery: string): boolean;
  readonly crawlDelaySeconds: number | null;
}

interface Rule {
  readonly allow: boolean;
  readonly pattern: RegExp;
  readonly length: number;
}

function toRegExp(path: string): RegExp {
  const anchored = path.endsWith('$');
  const body = (anchored ? path.slice(0, -1) : path)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

export const ALLOW_ALL: RobotsRules = { isAllowed: () => true, crawlDelaySeconds: null };

export function parseRobots(text: string, userAgent: string): RobotsRules {
  const agent = userAgent.toLowerCase();
  type Group = { agents: string[]; rules: Rule[]; delay: number | null };
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const key = match[1].toLowerCase();
    const value = match[2].trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], delay: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if ((key === 'allow' || key === 'disallow') && value !== '') {
      current.rules.push({ allow: key === 'allow', pattern: toRegExp(value), length: value.length });
    } else if (key === 'crawl-delay') {
      const delay = Number(value);
      if (Number.isFinite(delay) && delay >= 0) current.delay = delay;
    }
  }
  const own = groups.find((group) => group.agents.some((name) => name !== '*' && agent.includes(name)));
  const group = own ?? groups.find((candidate) => candidate.agents.includes('*'));
  if (!group) return ALLOW_ALL;
  return {
    crawlDelaySeconds: group.delay,
    isAllowed(pathWithQuery: string): boolean {
      let best: Rule | null = null;
      for (const rule of group.rules) {
        if (!rule.pattern.test(pathWithQuery)) continue;
        if (!best || rule.length > best.length || (rule.length === best.length && rule.allow)) best = rule;
      }
      return best === null || best.allow;
    },
  };
}
