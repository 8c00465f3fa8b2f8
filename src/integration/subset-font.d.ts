// subset-font 2.9's own options (@types/subset-font stops at 2.3: no `noHinting`, no `keepAllGlyphs`).
declare module 'subset-font' {
  interface SubsetFontOptions {
    /** Output format; the input's when omitted. */
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    /** Drop TrueType hinting instructions. */
    noHinting?: boolean;
    /** Keep every glyph (then `text` must be empty): a format conversion. */
    keepAllGlyphs?: boolean;
  }
  function subsetFont(font: Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
  export = subsetFont;
}
