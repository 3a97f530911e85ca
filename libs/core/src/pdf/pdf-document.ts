import PDFDocument from 'pdfkit';

/** A party's signature block: who signs, their name, and the day they signed (null: not yet). */
export interface SignatureBlock {
  readonly party: string;
  readonly name: string;
  readonly signedOn: string | null;
}

export interface PdfDocumentOptions {
  readonly title: string;
  readonly subtitle?: string;
  /** Printed at the bottom of every page, before its number. */
  readonly footer: string;
  /** Tests read the text without inflating streams; served documents are compressed. */
  readonly compress?: boolean;
}

const MARGIN = 56;
const GREY = '#555555';
// WinAnsi (the encoding of the standard PDF fonts) has the French letters, « », œ and €, but not
// the narrow no-break space French typography puts before « ; : ! ? » or other scripts: those are
// replaced so a name typed in another alphabet prints as "?" rather than as wrong letters.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard Helvetica can print: narrow spaces widened, characters outside WinAnsi as "?". */
export function printable(text: string): string {
  return [...text.replace(/[\u202f\u2009]/g, '\u00a0')]
    .map((char) => {
      const code = char.codePointAt(0)!;
      if (code === 0x09 || code === 0x0a) return char;
      if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) return char;
      return '?';
    })
    .join('');
}

/** "2026-03-09" → "09/03/2026", the way French forms write a date. */
export function frenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/**
 * A printable document (A4, the standard Helvetica, nothing embedded or fetched): a title,
 * sections of label/value rows, paragraphs and lists, signature blocks, and a footer with page
 * numbers. Only what Passerelle's documents need, so each document reads as a list of calls.
 */
export class PdfDocument {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly finished: Promise<Buffer>;

  constructor(private readonly options: PdfDocumentOptions) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      compress: options.compress ?? true,
      lang: 'fr-FR',
      info: { Title: printable(options.title), Creator: 'Passerelle', Producer: 'Passerelle' },
    });
    this.finished = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.font('Helvetica-Bold').fontSize(16).fillColor('black').text(printable(options.title));
    if (options.subtitle)
      this.doc.moveDown(0.2).font('Helvetica').fontSize(10).fillColor(GREY).text(printable(options.subtitle));
    this.doc.fillColor('black').moveDown(0.5);
  }

  section(title: string): this {
    this.keepWithNext(60);
    this.doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('black').text(printable(title));
    const y = this.doc.y + 2;
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(this.doc.page.width - MARGIN, y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    this.doc.moveDown(0.4);
    return this;
  }

  /** "Label : value" lines; a null or empty value prints as "non renseigné". */
  rows(rows: ReadonlyArray<readonly [label: string, value: string | null]>): this {
    for (const [label, value] of rows) {
      this.doc
        .font('Helvetica-Bold')
        .fontSize(10)
        .text(`${printable(label)} : `, { continued: true })
        .font('Helvetica')
        .text(value && value.trim() !== '' ? printable(value) : 'non renseigné');
      this.doc.moveDown(0.15);
    }
    return this;
  }

  paragraph(text: string): this {
    this.doc.font('Helvetica').fontSize(10).text(printable(text), { align: 'left' }).moveDown(0.4);
    return this;
  }

  /** A bulleted list; `empty` prints instead when there is nothing to list. */
  list(items: readonly string[], empty: string): this {
    this.doc.font('Helvetica').fontSize(10);
    if (items.length === 0) this.doc.fillColor(GREY).text(printable(empty)).fillColor('black');
    for (const item of items) this.doc.text(`•  ${printable(item)}`, { indent: 0 }).moveDown(0.15);
    this.doc.moveDown(0.3);
    return this;
  }

  /** One block per party, side by side: the name, the signing date or a blank line, room to sign. */
  signatures(blocks: readonly SignatureBlock[]): this {
    const height = 95;
    this.keepWithNext(height + 10);
    const width = (this.doc.page.width - 2 * MARGIN) / Math.max(blocks.length, 1);
    const top = this.doc.y + 6;
    blocks.forEach((block, index) => {
      const x = MARGIN + index * width;
      const inner = width - 10;
      this.doc.rect(x, top, inner, height).lineWidth(0.5).strokeColor('#999999').stroke();
      this.doc
        .font('Helvetica-Bold')
        .fontSize(9)
        .fillColor('black')
        .text(printable(block.party), x + 6, top + 6, { width: inner - 12 });
      this.doc
        .font('Helvetica')
        .fontSize(9)
        .text(printable(block.name), { width: inner - 12 });
      this.doc.text(block.signedOn ? `Signé le ${frenchDate(block.signedOn)}` : 'Date : ____ / ____ / ________', {
        width: inner - 12,
      });
      this.doc
        .fillColor(GREY)
        .text('Signature :', { width: inner - 12 })
        .fillColor('black');
    });
    this.doc.x = MARGIN;
    this.doc.y = top + height + 10;
    return this;
  }

  /** Writes the footers and returns the whole document. */
  async render(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index += 1) {
      this.doc.switchToPage(index);
      // Inside the bottom margin: lift it while writing, or pdfkit would open a new page.
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor(GREY)
        .text(
          `${printable(this.options.footer)} — page ${index - range.start + 1} sur ${range.count}`,
          MARGIN,
          this.doc.page.height - MARGIN + 16,
          { width: this.doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
        );
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
    return this.finished;
  }

  /** Starts a new page when less than `height` points remain, so a heading is not left alone. */
  private keepWithNext(height: number): void {
    if (this.doc.y + height > this.doc.page.height - MARGIN) this.doc.addPage();
  }
}
