import { describe, expect, it } from '@jest/globals';
import createClient from 'openapi-fetch';
import { requestKey } from './api/request-key';
import type { paths } from './api/schema';
import { matchesQuery, readSearch } from './routes/matches/matches-search';
import { FIRST_SORT, portfolioQuery } from './routes/portfolio/portfolio-sorts';
import { matchScreen, SCREENS } from './screens';

const ORIGIN = 'http://app.test';
const matchesFirstReads = (id: string, search: URLSearchParams): string[] =>
  SCREENS.matches.firstReads?.({ id }, search) ?? [];
const portfolioFirstReads = (): string[] => SCREENS.portfolio.firstReads?.({}, new URLSearchParams()) ?? [];

describe('the screen a path opens, as the boot reads it before the router has loaded', () => {
  it.each([
    ['/personnes/nouvelle', SCREENS.registerPerson, {}],
    ['/personnes/5f0c/offres', SCREENS.matches, { id: '5f0c' }],
    ['/personnes/5f0c', SCREENS.person, { id: '5f0c' }],
    ['/portefeuille', SCREENS.portfolio, {}],
    ['/partages/9a1b/', SCREENS.sharedFile, { id: '9a1b' }],
    ['/rendez-vous/a%20b', SCREENS.booking, { token: 'a b' }],
    ['/Connexion', SCREENS.login, {}],
  ])('%s opens the screen the router opens, with its parameters', (path, screen, params) => {
    expect(matchScreen(path)).toEqual({ screen, params });
  });

  it.each(['/', '', '/inconnu', '/personnes/5f0c/offres/en-trop', '/personnes/%E0%A4%A'])(
    '%j opens no screen of its own (the home by role, or the router’s refusal)',
    (path) => {
      expect(matchScreen(path)).toBeNull();
    },
  );

  it('asks early only for what the matched-offers and portfolio screens read as they open, and only with a session', () => {
    const firstReads = Object.entries(SCREENS)
      .filter(([, screen]) => screen.firstReads !== undefined)
      .map(([name]) => name);
    expect(firstReads.sort()).toEqual(['matches', 'portfolio']);
    expect(SCREENS.matches.session && SCREENS.portfolio.session).toBe(true);
    expect(SCREENS.matches.firstReads?.({ id: 'p 1' }, new URLSearchParams('km=10&contrats=cdi,cdd&page=2'))).toEqual([
      '/beneficiaries/p%201/matches?limit=20&offset=20&maxDistanceKm=10&contractTypes=cdi%2Ccdd',
    ]);
    expect(SCREENS.portfolio.firstReads?.({}, new URLSearchParams())).toEqual(['/beneficiaries?sort=alerts']);
  });

  it('the boot asks for exactly what the page’s typed client sends: same path, same query, same encoding', async () => {
    const seen: string[] = [];
    const client = createClient<paths>({
      baseUrl: ORIGIN,
      fetch: (request: Request) => {
        seen.push(request.url);
        return Promise.resolve(Response.json({}));
      },
    });
    const search = new URLSearchParams('km=25&contrats=cdi,interim&temps=part_time&page=3');
    await client.GET('/beneficiaries/{id}/matches', {
      params: { path: { id: 'p1' }, query: matchesQuery(readSearch(search)) },
    });
    await client.GET('/beneficiaries', { params: { query: portfolioQuery(FIRST_SORT) } });
    const key = (url: string): string => requestKey(url, ORIGIN);
    expect(seen.map(key)).toEqual([...matchesFirstReads('p1', search), ...portfolioFirstReads()].map(key));
  });
});
