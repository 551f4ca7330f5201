// The slice of fontkit folio uses (fontkit ships no types). react-pdf embeds the same fontkit.
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font;
}
