import { describe, expect, it } from '@jest/globals';
import { descriptionHtml, escapeHtml, robotsTxt, type DemoSourceApp } from './demo-http.js';
import { RequestLog } from './request-log.js';

describe('demo HTTP helpers', () => {
  it('turns a plain-text description into paragraphs and lists, escaped', () => {
    const text = 'Intro <b>gras</b> & co.\n\nVos missions :\n- Nettoyer\n• Trier\n\nLigne 1\nLigne 2';
    expect(descriptionHtml(text)).toBe(
      '<p>Intro &lt;b&gt;gras&lt;/b&gt; &amp; co.</p>\n<p>Vos missions :</p>\n<ul><li>Nettoyer</li><li>Trier</li></ul>\n<p>Ligne 1<br>Ligne 2</p>',
    );
    expect(escapeHtml(`"l'offre"`)).toBe('&quot;l&#39;offre&quot;');
  });

  it('counts requests per path, and per path and query', () => {
    const log = new RequestLog();
    const record = (path: string, query = ''): void => {
      log.record({ at: 0, method: 'GET', path, query, conditional: false });
    };
    record('/nordemploi/offres');
    record('/nordemploi/offres', '?page=2');
    record('/nordemploi/offres/1234567');
    expect(log.count('/nordemploi/offres')).toBe(2);
    expect(log.count('/nordemploi/offres?page=2')).toBe(1);
    expect(log.countUnder('/nordemploi/offres/')).toBe(1);
    log.reset();
    expect(log.count('/nordemploi/offres')).toBe(0);
  });

  it('writes one robots.txt group with every app’s rules', () => {
    const app = (rules: string[]): DemoSourceApp => ({
      prefix: '/x',
      robotsRules: rules,
      handle: () => undefined,
      sendError: () => undefined,
    });
    expect(robotsTxt([app(['Disallow: /a']), app(['Disallow: /b'])], 2)).toBe(
      '# Serveurs de démonstration Passerelle\nUser-agent: *\nCrawl-delay: 2\nDisallow: /a\nDisallow: /b\n',
    );
    expect(robotsTxt([], 0)).not.toContain('Crawl-delay');
  });
});
