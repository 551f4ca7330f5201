/** A page of the PDF as a PNG image. */
export interface PagePng {
  page: number;
  png: Buffer;
  width: number;
  height: number;
}

/** Default resolution of page images: sharp on a screen and in a README, ~150 KB a page. */
export const DEFAULT_DPI = 150;

/**
 * Every page of a PDF that folio built, as PNG images at `dpi`: PDF.js draws them
 * on @napi-rs/canvas (both already installed with pdf-parse; no system tools, no
 * browser). Loaded only when page images are asked for.
 */
export async function renderPngPages(pdf: Uint8Array, dpi: number = DEFAULT_DPI, pages?: number[]): Promise<PagePng[]> {
  const { PDFParse } = await import('pdf-parse');
  // pdf-parse consumes (transfers) the buffer it is given: pass a copy.
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const shot = await parser.getScreenshot({
      scale: dpi / 72,
      imageDataUrl: false,
      imageBuffer: true,
      partial: pages,
    });
    return shot.pages.map((p) => ({ page: p.pageNumber, png: Buffer.from(p.data), width: p.width, height: p.height }));
  } finally {
    await parser.destroy();
  }
}
