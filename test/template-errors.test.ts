import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../src/render/templates.js';
import { UserError } from '../src/source/diagnostics.js';
import { tempDir } from './helpers.js';

/** Stage render: a user's template that does not parse is reported as file:line:col at the mistake. */
function errorOf(partial: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'mine/html/partials'), { recursive: true });
  writeFileSync(join(dir, 'mine/html/partials/hero.hbs'), partial);
  try {
    loadTemplates('html', {}, 'mine', dir);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return err.message;
  }
  return 'no error';
}

const file = 'mine/html/partials/hero.hbs';

describe('template syntax errors (stage render)', () => {
  it('a block closed with the wrong name: at the block, saying which close it needs', () => {
    expect(errorOf('<header>\n  {{#each links}}<a>{{this}}</a>\n{{/if}}\n</header>\n')).toBe(
      `${file}:2:6: error: this {{#each}} block is closed by {{/if}}: close it with {{/each}} (a block ends with its own name)`,
    );
  });

  it('a block never closed: the one left open, not the last {{#if}} of the file', () => {
    const text = '<header>\n{{#if name}}<h1>{{name}}</h1>\n{{#if label}}<p>{{label}}</p>{{/if}}\n</header>\n';
    expect(errorOf(text)).toBe(`${file}:2:1: error: this {{#if}} block is never closed: add {{/if}} where it ends`);
    // A commented-out block does not count.
    expect(errorOf(`{{!-- {{#each x}} --}}\n${text}`)).toMatch(
      /^mine\/html\/partials\/hero\.hbs:3:1: error: this \{\{#if\}\}/,
    );
  });

  it('any other parse error: the line and the column where reading stopped', () => {
    expect(errorOf('<header>\n  <b>{{label x= }}</b>\n</header>\n')).toBe(
      `${file}:2:17: error: the template does not parse here: found CLOSE, expected 'OPEN_SEXPR', 'ID', 'STRING', 'NUMBER', 'BOOLEAN', 'UNDEFINED', 'NULL', 'DATA'`,
    );
    expect(errorOf('<p>\n</p>\n   {{/if}}\n')).toMatch(
      /^mine\/html\/partials\/hero\.hbs:3:4: error: the template does not parse here: found OPEN_ENDBLOCK/,
    );
  });

  it('a template that parses loads (negative control)', () => {
    expect(errorOf('<header>{{#if header.name}}<h1>{{header.name}}</h1>{{/if}}</header>\n')).toBe('no error');
  });
});
