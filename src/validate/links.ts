/** Schemes folio will ever put in a link; everything else is rejected by the schema. */
const SAFE_HREF = /^(?:https?:\/\/[^\s/?#]+\S*|mailto:\S+|tel:\S+)$/i;

/** True when `href` may be emitted as a link in any output. */
export function isSafeHref(href: string): boolean {
  return SAFE_HREF.test(href);
}

/** Human-readable form of a URL for display: `https://www.github.com/name/` → `github.com/name`. */
export function displayUrl(href: string): string {
  if (/^mailto:/i.test(href)) return decodeSafe(href.slice(7).split('?')[0] ?? '');
  if (/^tel:/i.test(href)) return decodeSafe(href.slice(4));
  let s = href.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  // Drop a lone trailing slash and the fragment-less "index" look; keep query strings (they can matter).
  s = s.replace(/\/(?=$|[?#])/, '');
  return decodeSafe(s);
}

function decodeSafe(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** tel: link from a phone number as written: keep digits and a leading +. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return `tel:${digits}`;
}
