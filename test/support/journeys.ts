/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe-core on the page as it is: no serious or critical violation (WCAG 2.0/2.1 A and AA rules).
 * With SCREENSHOTS_DIR set, the screen is photographed at desktop and phone (390 px) width.
 */
export async function auditPage(page: Page, name: string): Promise<void> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ screen: name, violations: serious }).toEqual({ screen: name, violations: [] });
  const shots = process.env.SCREENSHOTS_DIR;
  if (shots) {
    await mkdir(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `${name}-desktop.png`), fullPage: false });
    const size = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, `${name}-phone.png`), fullPage: false });
    if (size) await page.setViewportSize(size);
  }
}

/** Opens the web application in a new page of `browserContext` and signs in with the login form. */
export async function signInThroughForm(
  browserContext: BrowserContext,
  baseUrl: string,
  email: string,
  password: string,
): Promise<Page> {
  const page = await browserContext.newPage();
  await page.goto(`${baseUrl}/app/`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  return page;
}

/**
 * On an introduction's page: the person accepts (confirmed), then validates their card in their own
 * space (`personValidates`, given the introduction's id: no link leaves before), and the coach sends
 * the card link; returns the link as the page shows it (the employer's URL).
 */
export async function acceptAndSendCardLink(
  page: Page,
  personValidates: (introductionId: string) => Promise<void>,
): Promise<URL> {
  await page.getByRole('button', { name: 'La personne accepte' }).click();
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await page.getByText('Étape enregistrée').waitFor();
  await personValidates(new URL(page.url()).pathname.split('/').pop()!);
  await page.getByRole('button', { name: 'Envoyer le lien à l’employeur' }).click();
  const link = page.locator('a', { hasText: '/cartes/' });
  await link.waitFor();
  return new URL((await link.getAttribute('href'))!);
}
