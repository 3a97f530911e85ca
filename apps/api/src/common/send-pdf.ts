import type { Response } from 'express';

/** A generated PDF as a download, never cached (it holds personal data). */
export function sendPdf(response: Response, document: { readonly fileName: string; readonly pdf: Buffer }): void {
  response.setHeader('Cache-Control', 'private, no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Disposition', `attachment; filename="${document.fileName}"`);
  response.type('application/pdf').send(document.pdf);
}
