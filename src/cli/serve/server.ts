import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { printable, UserError } from '../../source/diagnostics.js';
import { EVENTS_PATH } from './pages.js';
import { type PreviewSite, routeSite } from './routes.js';

/** Loopback only: the preview shows a résumé with a phone number and an address. */
export const HOST = '127.0.0.1';
export const DEFAULT_PORT = 4321;
/** How many ports above the default to try when it is taken. */
const PORT_TRIES = 20;

export interface PreviewServer {
  port: number;
  /** Tell every open page that a build finished (they reload if it is newer than theirs). */
  notify(): void;
  close(): Promise<void>;
}

/**
 * Start the preview server on 127.0.0.1. With no explicit port, take the default or the
 * next free one; an explicit port that is taken is an error (the user asked for it).
 */
export async function startPreviewServer(site: () => PreviewSite, port: number | undefined): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    // One bad request must never take the preview down (and leave its temporary folder behind).
    try {
      handle(req, res, site(), clients, listeningPort());
    } catch (err) {
      process.stderr.write(
        `folio serve: internal error answering ${printable(req.url ?? '')}: ` +
          `${err instanceof Error ? err.message : String(err)}\n`,
      );
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error in folio; see the terminal.\n');
    }
  });
  const listeningPort = (): number => {
    const a = server.address();
    return typeof a === 'object' && a ? a.port : 0;
  };
  if (port !== undefined) {
    if (!(await listen(server, port)))
      throw new UserError(`error: port ${port} on ${HOST} is in use; choose another with --port`);
  } else {
    let ok = false;
    for (let p = DEFAULT_PORT; !ok && p < DEFAULT_PORT + PORT_TRIES; p++) ok = await listen(server, p);
    if (!ok)
      throw new UserError(
        `error: ports ${DEFAULT_PORT}–${DEFAULT_PORT + PORT_TRIES - 1} are all in use; choose one with --port`,
      );
  }
  // Comments keep idle event streams open through proxies and sleeping laptops.
  const keepAlive = setInterval(() => clients.forEach((c) => c.write(': keep-alive\n\n')), 15_000);
  return {
    port: listeningPort(),
    notify() {
      for (const c of clients) c.write(`event: build\ndata: ${site().version}\n\n`);
    },
    close() {
      clearInterval(keepAlive);
      for (const c of clients) c.end();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

/** Resolve true once listening, false if the port is taken; other errors are real. */
function listen(server: Server, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE' || err.code === 'EACCES') resolve(false);
      else reject(err);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve(true);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

function handle(
  req: IncomingMessage,
  res: ServerResponse,
  site: PreviewSite,
  clients: Set<ServerResponse>,
  port: number,
): void {
  const headers = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  // A web page elsewhere could point a DNS name at 127.0.0.1 and read the résumé; only our own names may ask.
  const host = req.headers.host ?? '';
  if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
    res
      .writeHead(403, { ...headers, 'Content-Type': 'text/plain' })
      .end('Forbidden: open the preview at the address folio printed.\n');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method not allowed\n');
    return;
  }
  const raw = (req.url ?? '/').split('?')[0] ?? '/';
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    path = raw;
  }
  if (path === EVENTS_PATH) {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    // The current build at once, so a page that loaded during a rebuild catches up.
    res.write(`retry: 1000\nevent: build\ndata: ${site.version}\n\n`);
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return;
  }
  const reply = routeSite(path, site);
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  res.writeHead(reply.status, {
    ...headers,
    ...reply.headers,
    'Content-Type': reply.type,
    'Content-Length': body.byteLength,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
