import type { ThemeName } from '../model/design.js';

/** One theme's tile in the gallery: where its page image and PDF are, relative to the index. */
export interface GalleryTile {
  theme: ThemeName;
  description: string;
  image: string;
  pdf: string;
  pages: number;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const FONT = '-apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

/**
 * The gallery's index.html: page 1 of every theme side by side, each linking to its PDF. No scripts, no outside
 * requests.
 */
export function galleryHtml(title: string, tiles: readonly GalleryTile[]): string {
  const figures = tiles
    .map((t) => {
      const alt = `Page 1 of the résumé in the ${esc(t.theme)} theme`;
      const pages = `${t.pages} page${t.pages === 1 ? '' : 's'}`;
      return `<figure>
  <a href="${esc(encodeURI(t.pdf))}"><img src="${esc(encodeURI(t.image))}" alt="${alt}" loading="lazy"></a>
  <figcaption><strong>${esc(t.theme)}</strong> · ${pages}<br>${esc(t.description)}</figcaption>
</figure>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body { margin: 0; padding: 2rem; font: 1rem/1.5 ${FONT}; background: #eef0f3; color: #1a1d23; }
h1 { margin: 0 0 1.5rem; font-size: 1.5rem; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1.5rem; }
figure { margin: 0; }
img { display: block; width: 100%; height: auto; background: #fff; box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
figcaption { margin-top: 0.5rem; font-size: 0.9rem; }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<main>
${figures}
</main>
</body>
</html>
`;
}
