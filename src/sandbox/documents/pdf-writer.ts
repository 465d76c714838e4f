/**
 * A small page-flowing writer over pdf-lib's standard Helvetica. Standard fonts are WinAnsi
 * only, and no Unicode font ships in node_modules, so Turkish letters outside WinAnsi are
 * transliterated (ğ→g, ş→s, ı→i, İ→I); ç, ö and ü are WinAnsi and stay.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

const TRANSLITERATION: Record<string, string> = { ğ: 'g', Ğ: 'G', ş: 's', Ş: 'S', ı: 'i', İ: 'I', '₺': 'TL', '–': '-', '—': '-', '’': "'", '“': '"', '”': '"', '…': '...' };

/** Text fit for WinAnsi: Turkish letters transliterated, anything else outside Latin-1 dropped. */
export function pdfText(text: string): string {
  return [...text]
    .map((ch) => TRANSLITERATION[ch] ?? ch)
    .join('')
    .replace(/[\u202f\u2009]/g, ' ')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

function hexColor(hex: string): RGB {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

const MARGIN = 48;
const A4: [number, number] = [595.28, 841.89];
const GREY = rgb(0.35, 0.35, 0.35);

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly footer: string,
  ) {}

  static async create(title: string, footer: string): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(pdfText(title));
    doc.setProducer('InsurUp sandbox (pdf-lib)');
    doc.setCreator('InsurUp sandbox');
    const writer = new PdfWriter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold), footer);
    writer.newPage();
    return writer;
  }

  get width(): number {
    return A4[0] - 2 * MARGIN;
  }

  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
    this.page.drawText(pdfText(this.footer), { x: MARGIN, y: 24, size: 7, font: this.regular, color: GREY });
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN) this.newPage();
  }

  /** A coloured band with the insurer's name and the document title. */
  banner(insurer: string, title: string, color: string): void {
    const height = 64;
    this.page.drawRectangle({ x: MARGIN, y: this.y - height, width: this.width, height, color: hexColor(color) });
    this.page.drawText(pdfText(insurer), { x: MARGIN + 14, y: this.y - 28, size: 18, font: this.bold, color: rgb(1, 1, 1) });
    this.page.drawText(pdfText(title), { x: MARGIN + 14, y: this.y - 48, size: 11, font: this.regular, color: rgb(1, 1, 1) });
    this.y -= height + 18;
  }

  heading(text: string): void {
    this.ensure(28);
    this.y -= 8;
    this.page.drawText(pdfText(text), { x: MARGIN, y: this.y - 12, size: 12, font: this.bold });
    this.y -= 20;
  }

  /** Wrapped paragraph text. */
  paragraph(text: string, size = 9): void {
    const words = pdfText(text).split(/\s+/);
    let line = '';
    const flush = () => {
      if (!line) return;
      this.ensure(size + 4);
      this.page.drawText(line, { x: MARGIN, y: this.y - size, size, font: this.regular });
      this.y -= size + 4;
      line = '';
    };
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (this.regular.widthOfTextAtSize(next, size) > this.width) flush();
      line = line ? `${line} ${word}` : word;
    }
    flush();
    this.y -= 4;
  }

  /** Label / value pairs in two columns. */
  fields(pairs: Array<[string, string]>): void {
    for (const [label, value] of pairs) {
      this.ensure(15);
      this.page.drawText(pdfText(label), { x: MARGIN, y: this.y - 10, size: 9, font: this.bold, color: GREY });
      this.page.drawText(this.fit(pdfText(value), this.width - 150, 10), { x: MARGIN + 150, y: this.y - 10, size: 10, font: this.regular });
      this.y -= 15;
    }
    this.y -= 4;
  }

  /** A table; the first row is the header. Column widths are shares of the page width. */
  table(rows: string[][], shares: number[]): void {
    const widths = shares.map((s) => (s / shares.reduce((a, b) => a + b, 0)) * this.width);
    rows.forEach((row, index) => {
      this.ensure(16);
      if (index === 0) {
        this.page.drawRectangle({ x: MARGIN, y: this.y - 14, width: this.width, height: 16, color: rgb(0.92, 0.92, 0.92) });
      }
      let x = MARGIN + 4;
      row.forEach((cell, i) => {
        const font = index === 0 ? this.bold : this.regular;
        this.page.drawText(this.fit(pdfText(cell), widths[i]! - 8, 9, font), { x, y: this.y - 10, size: 9, font });
        x += widths[i]!;
      });
      this.y -= 16;
    });
    this.y -= 6;
  }

  private fit(text: string, width: number, size: number, font = this.regular): string {
    if (font.widthOfTextAtSize(text, size) <= width) return text;
    let cut = text;
    while (cut.length > 1 && font.widthOfTextAtSize(`${cut}...`, size) > width) cut = cut.slice(0, -1);
    return `${cut}...`;
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
