/**
 * Whether this machine can OCR: the Tesseract program runs and knows the language, and pdftoppm runs. Asked
 * once per process and settings, only when a file has pages without text.
 */
import { runCommand } from './run-command.js';
import type { OcrSettings } from './ocr-settings.js';

const CHECK_TIMEOUT_MS = 30_000;
const CHECK_MEMORY_MB = 1024;
/** A missing program may be installed meanwhile: a negative answer is asked again after this long. */
const RECHECK_AFTER_MS = 60_000;
const checks = new Map<string, Promise<string | undefined>>();

async function check(settings: OcrSettings): Promise<string | undefined> {
  const limits = { deadline: Date.now() + CHECK_TIMEOUT_MS, maxMemoryMb: CHECK_MEMORY_MB, maxOutputBytes: 100_000 };
  const languages = await runCommand(settings.command, ['--list-langs'], new Uint8Array(), limits);
  if (languages.failure) return `het programma "${settings.command}" (Tesseract) is niet gevonden of start niet.`;
  // The list goes to stdout in Tesseract 4 and 5, to stderr in 3; its first line names the folder.
  const listed = new Set(`${languages.stdout.toString('utf8')}\n${languages.stderr}`.split(/\s+/));
  const missing = settings.language.split('+').filter((language) => !listed.has(language));
  if (missing.length > 0) return `Tesseract mist het taalmodel ${missing.map((language) => `"${language}"`).join(' en ')}.`;
  const renderer = await runCommand(settings.renderCommand, ['-v'], new Uint8Array(), limits);
  if (renderer.failure === 'missing' || renderer.failure === 'timeout') return `het programma "${settings.renderCommand}" (poppler-utils) is niet gevonden.`;
  return undefined;
}

/**
 * Undefined when OCR can run with these settings, else the reason in Dutch (a sentence fragment that ends
 * with a full stop). A yes is kept for the process; a no for a minute, so installing Tesseract needs no restart.
 */
export function ocrUnavailable(settings: OcrSettings): Promise<string | undefined> {
  const key = JSON.stringify([settings.command, settings.renderCommand, settings.language]);
  let pending = checks.get(key);
  if (!pending) {
    pending = check(settings);
    checks.set(key, pending);
    void pending.then((reason) => {
      if (reason !== undefined) setTimeout(() => checks.delete(key), RECHECK_AFTER_MS).unref();
    });
  }
  return pending;
}
