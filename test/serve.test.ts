import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, root, runCli, tempDir } from './helpers.js';
import { outputOf, type Running, servePort, start, waitFor } from './support/long-running.js';

interface Got {
  status: number;
  type: string;
  body: Buffer;
}

/** GET with the path sent exactly as given (fetch would normalise `/../x` to `/x`). */
function get(port: number, path: string, headers: Record<string, string> = {}, host = '127.0.0.1'): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Open the event stream and collect `build` event data as they arrive. */
function events(port: number): Promise<{ builds: number[]; res: IncomingMessage }> {
  return new Promise((resolve, reject) => {
    const builds: number[] = [];
    const req = request({ host: '127.0.0.1', port, path: '/__folio/events' }, (res) => {
      let buf = '';
      res.on('data', (c: Buffer) => {
        buf += c.toString();
        for (let i = buf.indexOf('\n\n'); i !== -1; i = buf.indexOf('\n\n')) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const m = /^event: build\ndata: (\d+)$/m.exec(block);
          if (m) builds.push(Number(m[1]));
        }
      });
      resolve({ builds, res });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Does a TCP connection to host:port succeed? */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

describe('folio serve', () => {
  let run: Running;
  let port = 0;
  let dir = '';
  const good = readFileSync(example, 'utf8');
  const ctx = () => outputOf(run);

  beforeAll(async () => {
    dir = tempDir();
    writeFileSync(join(dir, 'cv.yaml'), good);
    run = start(['serve', 'cv.yaml', '--port', '0'], dir);
    port = await servePort(run);
  }, 60_000);
  afterAll(async () => {
    expect(await run.stop()).toBe(0);
  });

  it('serves the HTML page with an inline live-reload script and no outside scripts', async () => {
    const r = await get(port, '/');
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/html; charset=utf-8');
    const html = r.body.toString();
    expect(html).toContain('<title>Your Name — Backend engineer for high-throughput systems</title>');
    expect(html).toContain('new EventSource("/__folio/events")');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toContain('folio-overlay');
  });

  it('serves the PDF under the name a build gives it, and a viewer page at /pdf', async () => {
    const pdf = await get(port, '/cv.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const viewer = await get(port, '/pdf');
    expect(viewer.status).toBe(200);
    expect(viewer.body.toString()).toMatch(/<iframe src="\/cv\.pdf\?v=\d+"/);
  });

  it('serves the Markdown rendered to HTML', async () => {
    const r = await get(port, '/cv.md');
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/html; charset=utf-8');
    const html = r.body.toString();
    expect(html).toContain('<h1>Your Name</h1>');
    expect(html).toContain('<a href="https://github.com/yourname">');
    expect(html).not.toContain('# Your Name');
  });

  it('answers 404 to everything else, traversal included, without touching the disk', async () => {
    for (const path of [
      '/../package.json',
      '/..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/package.json',
      '/cv.yaml',
      '/out/',
      '/resume.pdf',
      '/cv.html',
      '//etc/passwd',
      '/favicon.ico',
      '/cv.pdf/..',
      '/__folio/',
    ]) {
      const r = await get(port, path);
      expect(r.status, path).toBe(404);
      expect(r.body.toString(), path).not.toContain('"name": "folio-cv"');
    }
  });

  it('refuses requests for another host name (DNS rebinding) and methods other than GET', async () => {
    expect((await get(port, '/', { Host: 'attacker.example' })).status).toBe(403);
    expect((await get(port, '/', { Host: `localhost:${port}` })).status).toBe(200);
    const post = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('x');
    });
    expect(post).toBe(405);
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(await reachable('127.0.0.1', port)).toBe(true);
    expect(await reachable('::1', port)).toBe(false);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a?.address ?? '');
    for (const addr of others) expect(await reachable(addr, port), addr).toBe(false);
  });

  it('sends a reload event after each save, and shows errors as an overlay with file:line:col', async () => {
    const { builds, res } = await events(port);
    try {
      await waitFor(() => builds.length >= 1, 'the current build on connect', ctx);
      const first = builds[0] as number;

      writeFileSync(join(dir, 'cv.yaml'), good.replace('name: Your Name', 'name: Live Reload'));
      await waitFor(() => builds.includes(first + 1), 'a build event after the edit', ctx, 30_000);
      expect((await get(port, '/')).body.toString()).toContain('Live Reload');

      const bad = good
        .replace('name: Your Name', 'name: Never Shown')
        .replace('startDate: 2021-01', 'startDate: March 2021');
      const line = bad.split('\n').findIndex((l) => l.includes('March 2021')) + 1;
      writeFileSync(join(dir, 'cv.yaml'), bad);
      await waitFor(() => builds.includes(first + 2), 'a build event after the broken save', ctx, 30_000);
      const page = (await get(port, '/')).body.toString();
      expect(page).toContain('id="folio-overlay"');
      expect(page).toContain(
        `cv.yaml:${line}:16: error: work[0].startDate: expected a date like 2021-03 (got &quot;March 2021&quot;)`,
      );
      expect(page).toContain('Live Reload'); // the last good build stays underneath
      expect(page).not.toContain('Never Shown');
      expect((await get(port, '/pdf')).body.toString()).toContain('id="folio-overlay"');

      writeFileSync(join(dir, 'cv.yaml'), good);
      await waitFor(() => builds.includes(first + 3), 'a build event after the fix', ctx, 30_000);
      expect((await get(port, '/')).body.toString()).not.toContain('folio-overlay');
    } finally {
      res.destroy();
    }
  }, 120_000);
});

describe('folio serve, before the file exists', () => {
  it('waits for a file being created in a folder that exists, says so, then builds it and reloads the page', async () => {
    const dir = tempDir();
    const run = start(['serve', 'cv.yaml', '--port', '0'], dir);
    const ctx = () => outputOf(run);
    try {
      const p = await servePort(run, 60_000);
      expect(run.exitCode()).toBeNull();
      expect(run.err()).toBe(
        'waiting for cv.yaml to appear: no such file yet; save it (or run "folio init cv.yaml") and the preview builds it\n',
      );
      const waitingPage = (await get(p, '/')).body.toString();
      expect(waitingPage).toContain('waiting for cv.yaml to appear');
      expect(waitingPage).not.toContain('folio-overlay');
      expect(run.out()).not.toMatch(/built|failed/);
      const { builds, res } = await events(p);
      try {
        writeFileSync(join(dir, 'cv.yaml'), exampleText().replace('name: Your Name', 'name: Just Appeared'));
        await waitFor(() => builds.some((b) => b > 0), 'a build event once the file appears', ctx, 60_000);
        const page = (await get(p, '/')).body.toString();
        expect(page).toContain('Just Appeared');
        expect(page).not.toContain('waiting for cv.yaml');
        expect(run.out()).toMatch(/\] built in \d+ ms/);
      } finally {
        res.destroy();
      }
    } finally {
      expect(await run.stop()).toBe(0);
    }
    // Nothing was written: serve renders in memory.
    expect(readdirSync(dir)).toEqual(['cv.yaml']);
  }, 120_000);
});

describe('folio serve with --templates', () => {
  it('a template edit re-renders only the HTML, not the PDF; a résumé edit renders all; each says save → ready', async () => {
    const dir = tempDir();
    const good = readFileSync(example, 'utf8');
    writeFileSync(join(dir, 'cv.yaml'), good);
    cpSync(join(root, 'templates/html'), join(dir, 'mine/html'), { recursive: true });
    const css = join(dir, 'mine/html/style.css');
    const run = start(['serve', 'cv.yaml', '--port', '0', '--templates', 'mine'], dir);
    const ctx = () => outputOf(run);
    try {
      const port = await servePort(run, 120_000);
      const mark = run.out().length;
      writeFileSync(css, `${readFileSync(css, 'utf8')}\n/* edited-by-test */\n`);
      const line = await waitFor(
        () => /.*save → ready: \d+ ms\n/.exec(run.out().slice(mark)),
        'a rebuild',
        ctx,
        30_000,
      );
      expect(line[0]).toMatch(/built \(html only: a template changed\) in \d+ ms; save → ready: \d+ ms/);
      expect(line[0]).not.toContain('PDF');
      expect((await get(port, '/')).body.toString()).toContain('edited-by-test');
      // Negative control: a résumé edit renders the PDF again.
      const mark2 = run.out().length;
      writeFileSync(join(dir, 'cv.yaml'), good.replace('name: Your Name', 'name: Ada'));
      const line2 = await waitFor(
        () => /.*save → ready: \d+ ms\n/.exec(run.out().slice(mark2)),
        'a rebuild',
        ctx,
        30_000,
      );
      expect(line2[0]).toMatch(/built in \d+ ms \(PDF \d+ ms\); save → ready: \d+ ms/);
    } finally {
      expect(await run.stop()).toBe(0);
    }
  }, 300_000);
});

describe('folio serve --variant', () => {
  it('opens on the variant at /v/<name>/, with a picker to the others and the whole résumé; an unknown one is exit 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'resume.yaml'), exampleText());
    const unknown = await runCli(['serve', '--variant', 'bakend', '--port', '0'], dir);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no variant "bakend" (did you mean "backend"?)');
    const run = start(['serve', '--variant', 'backend', '--port', '0'], dir);
    const ctx = () => outputOf(run);
    try {
      const m = await waitFor(
        () => /(http:\/\/127\.0\.0\.1:(\d+))\/v\/backend\/ +the HTML page/.exec(run.out()),
        'the variant address',
        ctx,
        120_000,
      );
      expect(run.out()).toContain('previewing resume.yaml as variant backend');
      const port = Number(m[2]);
      const page = (await get(port, '/v/backend/')).body.toString();
      // The variant's own label, not the whole résumé's (the negative control: both are in the source).
      expect(exampleText()).toContain('label: Backend engineer for high-throughput systems');
      expect(page).toContain('Senior backend engineer for APIs and low-latency serving');
      expect(page).not.toContain('Backend engineer for high-throughput systems');
      // The picker: this variant marked current, links to the other and to the whole résumé.
      expect(page).toMatch(/<strong aria-current="page"[^>]*>backend<\/strong>/);
      expect(page).toContain('<a href="/v/ml-platform/"');
      expect(page).toMatch(/<a href="\/"[^>]*>whole résumé<\/a>/);
      const pdf = await get(port, '/v/backend/Your-Name-Backend-Resume.pdf');
      expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(readdirSync(dir)).toEqual(['resume.yaml']);
    } finally {
      expect(await run.stop()).toBe(0);
    }
  }, 300_000);
});

describe('folio serve ports', () => {
  it('takes the next free port when 4321 is busy, and fails on an explicit busy port', async () => {
    // Hold 4321 (if someone else already does, it is busy all the same).
    const blocker = createServer();
    await new Promise<void>((done) => {
      blocker.once('error', () => done());
      blocker.listen(4321, '127.0.0.1', () => done());
    });
    const dir = tempDir();
    writeFileSync(join(dir, 'resume.yaml'), exampleText());
    const run = start(['serve'], dir);
    try {
      const p = await servePort(run, 60_000);
      expect(p).toBeGreaterThan(4321);
      expect(p).toBeLessThan(4341);
      expect((await get(p, '/')).status).toBe(200);

      const clash = await runCli(['serve', '--port', String(p)], dir);
      expect(clash.status).toBe(1);
      expect(clash.stderr).toContain(`error: port ${p} on 127.0.0.1 is in use; choose another with --port`);
    } finally {
      await run.stop();
      blocker.close();
    }
  }, 120_000);
});

function exampleText(): string {
  return readFileSync(example, 'utf8');
}
