import { sectionIds } from '../validate/schema.js';
import { type Converted, hasContent, isObject, type Json } from './common.js';
import { fromFresh, isFresh } from './fresh.js';
import { fromJsonResume } from './jsonresume/import.js';
import { fromRenderCv, isRenderCv } from './rendercv.js';
import { fromYamlResume, isYamlResume } from './yamlresume.js';

/** The résumé formats `folio import` reads. */
export type Format = 'jsonresume' | 'rendercv' | 'fresh' | 'yamlresume';

export const FORMAT_NAMES: Readonly<Record<Format, string>> = {
  jsonresume: 'JSON Resume',
  rendercv: 'RenderCV',
  fresh: 'FRESH',
  yamlresume: 'YAMLResume',
};

/**
 * Which format a parsed file is written in, from its shape alone (a file's
 * extension says JSON or YAML, not which résumé format): null when it is none
 * of them, i.e. holds no résumé content folio knows.
 */
export function detectFormat(data: unknown): Format | null {
  if (!isObject(data)) return null;
  if (isFresh(data)) return 'fresh';
  if (isRenderCv(data)) return 'rendercv';
  if (isYamlResume(data)) return 'yamlresume';
  // A JSON Resume (or folio) résumé: content under basics or any of folio's sections.
  if (['basics', ...sectionIds()].some((k) => hasContent(data[k]))) return 'jsonresume';
  return null;
}

/** Convert a document of a known format to folio data, with what could not be carried over. */
export function convert(format: Format, data: Json): Converted {
  switch (format) {
    case 'fresh':
      return fromFresh(data);
    case 'rendercv':
      return fromRenderCv(data);
    case 'yamlresume':
      return fromYamlResume(data);
    case 'jsonresume': {
      const { data: out, notes } = fromJsonResume(data);
      return { data: out, notes: notes.map((text) => ({ path: [], text })) };
    }
  }
}

/** True when converted data holds something to show: a name or any section. */
export function hasResumeContent(data: Json): boolean {
  return Object.entries(data).some(([k, v]) => k !== 'folio' && k !== '$schema' && k !== 'meta' && hasContent(v));
}
