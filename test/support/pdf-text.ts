/**
 * The text pdf-lib drew on a PDF's pages, for tests that check what a document says: each
 * content stream inflated, its hex `<…> Tj` and literal `(…) Tj` strings decoded (Latin-1, as
 * the standard fonts write them), one per line.
 */
import { inflateSync } from 'node:zlib';

export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const pieces: string[] = [];
  // Each stream's bytes by its dictionary's /Length: a delimiter regex would take a compressed
  // stream's own last byte for the \r of "\r\nendstream" when that byte is 0x0D, and lose the text.
  for (const stream of raw.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const start = stream.index + stream[0].length;
    let content: string;
    try {
      content = inflateSync(Buffer.from(raw.slice(start, start + Number(stream[1])), 'latin1')).toString('latin1');
    } catch {
      continue; // not a deflated content stream (fonts, images)
    }
    for (const text of content.matchAll(/<([0-9A-Fa-f\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      pieces.push(text[1] !== undefined ? Buffer.from(text[1].replace(/\s+/g, ''), 'hex').toString('latin1') : text[2]!);
    }
  }
  return pieces.join('\n');
}
