import { describe, expect, it } from '@jest/globals';
import { pdfText } from '@passerelle/testing';
import { frenchDate, PdfDocument, printable } from './pdf-document.js';

async function render(compress: boolean, build: (doc: PdfDocument) => void): Promise<Buffer> {
  const doc = new PdfDocument({ title: 'Convention d’essai', subtitle: 'Sous-titre', footer: 'Passerelle', compress });
  build(doc);
  return doc.render();
}

describe('PdfDocument', () => {
  it('writes a PDF whose title, rows, paragraphs, lists and signatures read back as text', async () => {
    const pdf = await render(true, (doc) =>
      doc
        .section('Les parties')
        .rows([
          ['Nom', 'Élodie Lefèvre'],
          ['Téléphone', null],
        ])
        .paragraph('Un paragraphe.')
        .list(['Accueillir les clients', 'Ranger le rayon'], 'aucune tâche')
        .list([], 'Aucun objectif')
        .signatures([
          { party: 'La personne', name: 'Élodie Lefèvre', signedOn: '2026-03-09' },
          { party: 'L’employeur', name: 'Boulangerie Martin', signedOn: null },
        ]),
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Convention d’essai');
    expect(text).toContain('Nom : Élodie Lefèvre');
    expect(text).toContain('Téléphone : non renseigné');
    expect(text).toContain('•  Ranger le rayon');
    expect(text).toContain('Aucun objectif');
    expect(text).toContain('Signé le 09/03/2026');
    expect(text).toContain('Date : ____ / ____ / ________');
    expect(text).toContain('Passerelle — page 1 sur 1');
  });

  it('prints French accents, ligatures, guillemets and the euro sign in the standard font', async () => {
    const line = 'é è à ç ù ê ô î ï Œ œ « guillemets » 12 € — l’été';
    const text = pdfText(await render(false, (doc) => doc.paragraph(line)));
    expect(text).toContain(line);
  });

  it('numbers every page when the content runs over several', async () => {
    const items = Array.from({ length: 120 }, (_, index) => `Tâche numéro ${index + 1}`);
    const text = pdfText(await render(true, (doc) => doc.list(items, '')));
    expect(text).toContain('Tâche numéro 120');
    expect(text).toMatch(/page 1 sur (\d+)/);
    const pages = Number(/page 1 sur (\d+)/.exec(text)![1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`page ${pages} sur ${pages}`);
  });
});

describe('printable', () => {
  it('keeps WinAnsi text, widens narrow spaces and marks what the font cannot print', () => {
    expect(printable('Prêt\u202f? Œuvre à 5 €')).toBe('Prêt\u00a0? Œuvre à 5 €');
    expect(printable('Иван 王')).toBe('???? ?');
  });
});

describe('frenchDate', () => {
  it('writes an ISO day the French way', () => {
    expect(frenchDate('2026-03-09')).toBe('09/03/2026');
  });
});
