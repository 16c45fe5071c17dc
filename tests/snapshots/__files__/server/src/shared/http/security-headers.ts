import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';

/**
 * The security headers of every answer. Helmet's default Content-Security-Policy already fits a
 * Vite-built SPA served from this origin (scripts, styles and fetch/EventSource to 'self');
 * `upgrade-insecure-requests` is kept for production only, so `npm start` over plain http on
 * localhost still loads its assets. They never vary by request: helmet runs once, here, against a
 * throwaway response, and the HTTP layer sets the recorded headers on each answer instead of running
 * helmet's dozen middleware functions every time.
 */
export function securityHeaderValues({ isProduction }: { isProduction: boolean }): Record<string, string> {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { upgradeInsecureRequests: isProduction ? [] : null },
    },
  });
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  middleware(req, res, (error?: unknown) => {
    if (error !== undefined) throw error;
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}
