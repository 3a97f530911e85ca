/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Download, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addDays, parisToday } from '@passerelle/coaching';
import {
  as as asUser,
  auditPage,
  createTestContext,
  launchChromium,
  pdfText,
  seedOrganisation,
  signInThroughForm,
  startApi,
  type RunningApi,
  type TestContext,
  type TestOrganisation,
} from '@passerelle/testing';
import { acceptedIntroduction, type AcceptedIntroduction } from '../support/card-link-fixture.js';

const today = parisToday();
const french = (date: string): string => date.split('-').reverse().join('/');

/** The text of a PDF the page saved. */
async function downloadedText(download: Download): Promise<string> {
  const file = await download.path();
  return pdfText(await readFile(file));
}

/**
 * The printable documents in a real browser: the mediator fills the PMSMP convention of an
 * introduction at its interview stage (started from the job analysis), records the person's
 * signature and downloads the PDF the three parties sign; the coach downloads the person's CER as
 * a PDF from the file. Each screen passes axe-core; outcomes are checked in the files and the database.
 */
describe('journey: the PMSMP convention and the CER as PDF documents', () => {
  let context: TestContext;
  let api: RunningApi;
  let org: TestOrganisation;
  let db: DataSource;
  let browser: Browser;
  let introduction: AcceptedIntroduction;
  const start = addDays(today, 5);
  const end = addDays(today, 16);

  beforeAll(async () => {
    context = await createTestContext({ referential: true });
    api = await startApi(context.config);
    org = await seedOrganisation(api);
    db = api.app.get(DataSource);
    introduction = await acceptedIntroduction(api.url, org);
    const staff = asUser(api, org.users.staffNord);
    const move = (body: object) =>
      staff.post(`/introductions/${introduction.introductionId}/transitions`, body).expect(200);
    await move({ to: 'employer_interested' });
    await move({ to: 'interview', interviewAt: `${addDays(today, 1)}T09:00:00+01:00`, interviewPlace: 'Boutique' });
    await asUser(api, org.users.coachLille)
      .post(`/beneficiaries/${introduction.beneficiaryId}/cers`, {
        signedOn: addDays(today, -3),
        startDate: addDays(today, -3),
        beneficiaryCommitments: ['Venir aux rendez-vous chaque semaine'],
        serviceCommitments: ['Préparer la période d’essai en boulangerie'],
      })
      .expect(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await context?.cleanup();
  });

  it('the mediator fills the convention, records a signature and downloads the PDF', async () => {
    const browserContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
      acceptDownloads: true,
    });
    const page: Page = await signInThroughForm(
      browserContext,
      api.url,
      org.users.staffNord.email,
      org.users.staffNord.password,
    );
    await page.getByRole('heading', { level: 1, name: 'Médiation avec les employeurs' }).waitFor();
    await page.goto(`${api.url}/app/mises-en-relation/${introduction.introductionId}`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Convention PMSMP' }) });
    const form = section.getByRole('form', { name: 'Convention PMSMP' });
    await form.waitFor();
    // Started from the job analysis and the employer's contact.
    await expect(form.getByLabel('Activités confiées (une par ligne)').inputValue()).resolves.toBe(
      'Accueillir les clients\nEncaisser',
    );
    await expect(form.getByLabel('Tuteur ou tutrice').inputValue()).resolves.toBe('Mme Durand');
    await auditPage(page, 'journey-pmsmp-form');

    await form.getByLabel('Premier jour').fill(start);
    await form.getByLabel('Dernier jour (un mois au plus)').fill(end);
    await form.getByLabel('Heures par semaine').fill('24,5');
    await form.getByLabel('Horaires').fill('du mardi au samedi, 7 h – 12 h');
    await form.getByLabel('Lieu').fill('3 place du Marché, Lille');
    await form
      .getByLabel('Activités confiées (une par ligne)')
      .fill('Accueillir les clients\nEncaisser\nPréparer la vitrine');
    await form.getByRole('button', { name: /Objectif/ }).click();
    await page.getByRole('option', { name: 'Confirmer un projet professionnel' }).click();
    await form.getByRole('button', { name: 'Enregistrer la convention' }).click();
    await section.getByText('Convention enregistrée.').waitFor();

    const signatures = section.locator('li', { hasText: 'La personne' });
    await signatures.getByRole('button', { name: 'Enregistrer la signature (la personne)' }).click();
    await section.getByText('Convention : en cours de signature').waitFor();
    await section.getByText(`signée le`).first().waitFor();
    await auditPage(page, 'journey-pmsmp-signing');

    const stored: Array<{ status: string; weekly_hours: string; tasks: string[]; person_signed_on: string }> =
      await db.query(
        `SELECT status, weekly_hours, tasks, to_char(person_signed_on, 'YYYY-MM-DD') AS person_signed_on
         FROM pmsmp_convention WHERE introduction_id = $1`,
        [introduction.introductionId],
      );
    expect(stored).toEqual([
      {
        status: 'signing',
        weekly_hours: '24.5',
        tasks: ['Accueillir les clients', 'Encaisser', 'Préparer la vitrine'],
        person_signed_on: today,
      },
    ]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Télécharger la convention (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`convention-pmsmp-${start}.pdf`);
    const text = await downloadedText(download);
    expect(text).toContain('Nom et prénom : Jeannine Nomdefamille');
    expect(text).toContain(`Dates : du ${french(start)} au ${french(end)} inclus`);
    expect(text).toContain('Durée hebdomadaire : 24,5 heures par semaine');
    expect(text).toContain('•  Préparer la vitrine');
    expect(text).toContain('Tuteur ou tutrice : Mme Durand');
    expect(text).toContain(`Signé le ${french(today)}`);
    await browserContext.close();
  });

  it('the coach downloads the person’s CER as a PDF from the file', async () => {
    const browserContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
      acceptDownloads: true,
    });
    const page = await signInThroughForm(
      browserContext,
      api.url,
      org.users.coachLille.email,
      org.users.coachLille.password,
    );
    await page.getByRole('heading', { name: 'Mon portefeuille' }).waitFor();
    await page.goto(`${api.url}/app/personnes/${introduction.beneficiaryId}`);
    const cer = page.locator('section', {
      has: page.getByRole('heading', { name: 'Contrat d’engagements réciproques' }),
    });
    const button = cer.getByRole('button', { name: 'Télécharger le CER (PDF)' });
    await button.waitFor();
    await auditPage(page, 'journey-pmsmp-cer');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`contrat-engagements-${addDays(today, -3)}.pdf`);
    const text = await downloadedText(download);
    expect(text).toContain('Vos nom et prénom : Jeannine Nomdefamille');
    expect(text).toContain('•  Venir aux rendez-vous chaque semaine');
    expect(text).toContain('•  Préparer la période d’essai en boulangerie');
    const audit: Array<{ action: string }> = await db.query(
      `SELECT action FROM audit_event WHERE actor_user_id = $1 AND subject_id = $2 AND details ->> 'part' = 'cer_pdf'`,
      [org.users.coachLille.id, introduction.beneficiaryId],
    );
    expect(audit).toEqual([{ action: 'export' }]);
    await browserContext.close();
  });
});
