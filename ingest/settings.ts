/**
 * The one schema for every setting of Grip, with defaults. Only the two `main.ts` files call
 * {@link parseSettings} with `process.env`; everything else receives the parsed settings.
 */
import { z } from 'zod';

const optionalText = z.string().trim().min(1).optional();
const integer = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** Environment variables Grip reads, with their defaults. `.env.example` documents each. */
export const settingsSchema = z.object({
  INDEX_DIR: z.string().trim().min(1).default('data/index'),
  CORPUS_DIR: z.string().trim().min(1).default('data/corpus'),
  FEEDBACK_DIR: z.string().trim().min(1).default('data/feedback'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: integer(8787, 0, 65535),
  PUBLIC_URL: z.url().optional(),
  EMBEDDER: z.enum(['local', 'openai']).default('local'),
  LOCAL_EMBEDDING_DIMENSIONS: integer(256, 16, 1024),
  EMBEDDINGS_BASE_URL: z.url().optional(),
  EMBEDDINGS_MODEL: optionalText,
  EMBEDDINGS_API_KEY: optionalText,
  EMBEDDINGS_BATCH_SIZE: integer(64, 1, 2048),
  EMBEDDINGS_TIMEOUT_MS: integer(30_000, 100, 600_000),
  EMBEDDINGS_DIMENSIONS: z.coerce.number().int().min(1).max(8192).optional(),
  CHAT_BASE_URL: z.url().optional(),
  CHAT_MODEL: optionalText,
  CHAT_API_KEY: optionalText,
  CHAT_TIMEOUT_MS: integer(60_000, 100, 600_000),
  ADMIN_TOKEN: optionalText,
  READ_TOKEN: optionalText,
  RATE_LIMIT_PER_MINUTE: integer(120, 0, 1_000_000),
  AUTH_FAILURES_PER_MINUTE: integer(10, 0, 1_000_000),
  MAX_UPLOAD_MB: integer(50, 1, 2048),
  UPLOAD_BODY_TIMEOUT_MS: integer(300_000, 1000, 3_600_000),
  UPLOAD_MIN_BYTES_PER_SECOND: integer(8192, 0, 1_000_000_000),
  MAX_PAGES: integer(2000, 1, 100_000),
  PARSE_TIMEOUT_MS: integer(120_000, 1000, 3_600_000),
  OCR: z.enum(['on', 'off']).default('on'),
  OCR_COMMAND: z.string().trim().min(1).default('tesseract'),
  OCR_RENDER_COMMAND: z.string().trim().min(1).default('pdftoppm'),
  // Tesseract's language codes joined by "+"; never a flag or a path.
  OCR_LANGUAGE: z.string().trim().regex(/^[a-z_]+(\+[a-z_]+)*$/i, 'is Tesseract language codes joined by "+", e.g. nld or nld+eng').default('nld'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
}).superRefine((settings, context) => {
  if (settings.EMBEDDER === 'openai') {
    for (const key of ['EMBEDDINGS_BASE_URL', 'EMBEDDINGS_MODEL'] as const) {
      if (!settings[key]) context.addIssue({ code: 'custom', path: [key], message: 'is required when EMBEDDER=openai' });
    }
  }
  if (Boolean(settings.CHAT_BASE_URL) !== Boolean(settings.CHAT_MODEL)) {
    context.addIssue({ code: 'custom', path: [settings.CHAT_BASE_URL ? 'CHAT_MODEL' : 'CHAT_BASE_URL'], message: 'CHAT_BASE_URL and CHAT_MODEL go together' });
  }
});

/** Parsed settings. */
export type Settings = z.infer<typeof settingsSchema>;

/** Parses settings from an environment; throws an Error listing every bad key. Empty strings count as unset. */
export function parseSettings(env: Record<string, string | undefined>): Settings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const result = settingsSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(settings)'}: ${issue.message}`);
  throw new Error(`Invalid settings:\n${lines.join('\n')}`);
}
