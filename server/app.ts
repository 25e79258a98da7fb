/**
 * The Hono app: security headers, body limits, the API and the web chat. Building it does no I/O; the
 * server's main.ts supplies the dependencies and listens.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../ingest/index.js';
import { EXTRACTIVE } from './answer/generate/generate-answer.js';
import { errorResponse, toAppError } from './errors.js';
import { jsonRpcErrorResponse, mcpRoutes } from './mcp/mcp-routes.js';
import { openAIErrorResponse } from './openai/openai-errors.js';
import { openAIRoutes } from './openai/openai-routes.js';
import type { AppDeps, AppEnv } from './routes/app-env.js';
import { askRoutes } from './routes/ask-routes.js';
import { documentRoutes } from './routes/document-routes.js';
import { feedbackRoutes } from './routes/feedback-routes.js';
import { locateRoutes } from './routes/locate-routes.js';
import { registerRoutes } from './routes/register-routes.js';
import { staticFiles } from './routes/static-files.js';
import { uploadRoutes } from './routes/upload-routes.js';
import { apiGuard, mayRead, requestKind } from './security/api-guard.js';
import { authThrottleGuard, createAuthThrottle, presentsToken, recordFailedAuth } from './security/auth-throttle.js';
import { vendorMounts } from './routes/vendor-files.js';

/** Largest JSON body accepted (a question with a long conversation). */
export const MAX_JSON_BYTES = 1024 * 1024;

/** Content-Security-Policy: own origin only, no inline script, no framing. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** An error in the shape of the request's protocol: OpenAI's on /v1, JSON-RPC on /mcp, Grip's elsewhere. */
function protocolErrorResponse(c: Context, error: AppError): Response {
  if (c.req.path === '/v1' || c.req.path.startsWith('/v1/')) return openAIErrorResponse(c, error);
  if (c.req.path === '/mcp') return jsonRpcErrorResponse(c, error);
  return errorResponse(c, error);
}

/** Builds the app from its dependencies. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, xFrameOptions: 'DENY', referrerPolicy: 'no-referrer', crossOriginEmbedderPolicy: false }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  // A client that guessed too many tokens is refused on every route before any token is compared.
  const throttle = createAuthThrottle({ perMinute: deps.settings.AUTH_FAILURES_PER_MINUTE });
  app.use('*', authThrottleGuard(throttle, protocolErrorResponse));
  // Rate limits and tokens before any body is read; one guard, so the three APIs share the limits.
  const guard = apiGuard(deps.settings, protocolErrorResponse, throttle);
  app.use('/api/*', guard);
  app.use('/v1/*', guard);
  app.use('/mcp', guard);
  const jsonLimit = bodyLimit({
    maxSize: MAX_JSON_BYTES,
    onError: (c) => {
      // The unread rest of the body makes the connection unusable: say so, or a keep-alive client's next request fails.
      c.header('Connection', 'close');
      throw new AppError('too_large', `Het verzoek is groter dan ${MAX_JSON_BYTES / 1024} kB.`);
    },
  });
  // Uploads have their own, larger limit (MAX_UPLOAD_MB) on their route.
  app.use('/api/*', (c, next) => (requestKind(c.req.method, c.req.path) === 'admin' ? next() : jsonLimit(c, next)));
  app.use('/v1/*', jsonLimit);
  app.use('/mcp', jsonLimit);
  app.get('/health', (c) => {
    // Open for load balancers; the index's size is for readers only when a read token is set. A wrong token
    // here is a guess like anywhere else, so it counts towards the throttle.
    if (!mayRead(c, deps.settings)) {
      if (presentsToken(c)) recordFailedAuth(c, throttle);
      return c.json({ status: 'ok' });
    }
    const engine = deps.engines.current();
    return c.json({ status: 'ok', documents: engine.documents.size, passages: engine.snapshot.passageCount, embedder: deps.embedderName(), answerer: deps.answerer?.name ?? EXTRACTIVE });
  });
  app.route('/api', askRoutes());
  app.route('/api', documentRoutes());
  app.route('/api', locateRoutes());
  app.route('/api', uploadRoutes());
  app.route('/api', feedbackRoutes());
  app.route('/api', registerRoutes());
  app.route('/v1', openAIRoutes());
  app.route('/mcp', mcpRoutes());
  app.all('/api/*', () => {
    throw new AppError('not_found', 'Deze API-route bestaat niet.');
  });
  app.all('/v1/*', () => {
    throw new AppError('not_found', 'Deze API-route bestaat niet.');
  });
  app.route('/', staticFiles([...vendorMounts(), { prefix: '/', dir: deps.webDir }]));
  app.notFound((c) => protocolErrorResponse(c, new AppError('not_found', 'Deze pagina bestaat niet.')));
  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.code === 'internal' || appError.code === 'store_failed') deps.log.error('request failed', { path: c.req.path, error });
    return protocolErrorResponse(c, appError);
  });
  return app;
}
