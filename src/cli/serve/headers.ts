/**
 * `Content-Disposition` for a file name from user data (the source's name, any script):
 * an ASCII `filename=` for old clients and `filename*=UTF-8''…` (RFC 6266, RFC 5987) for
 * the real name. Node refuses a header holding characters outside Latin-1, and a quote,
 * backslash or control character would break the quoted string: neither can reach it.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return fallback === fileName
    ? `${type}; filename="${fileName}"`
    : `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A header value that Node will accept and no client can split: visible Latin-1 and spaces only. */
export function isSafeHeaderValue(value: string): boolean {
  return /^[\x20-\x7e\xa0-\xff\t]*$/.test(value);
}
