/**
 * When a fitted (local) embedder is refitted. Folding new passages into the committed model is cheap and, while
 * they are a small part of the corpus, nearly as good as a fit that saw them; once the passages added and
 * removed since the fit reach {@link REFIT_SHARE} of what it was fitted on, the model is fitted anew.
 */
import type { IndexManifest } from '../store/manifest.js';

/** Share of the fitted corpus that may change before a refit is due. */
export const REFIT_SHARE = 0.25;

/** How an ingest run treats the refit: when due (`auto`), always (`now`), or never in this run (`later`). */
export type RefitMode = 'auto' | 'now' | 'later';

/** True when the index's fitted embedder has drifted far enough from its corpus to be refitted. */
export function refitDue(manifest: Pick<IndexManifest, 'fit'>, fitted: boolean): boolean {
  if (!fitted || !manifest.fit) return false;
  return manifest.fit.changed > REFIT_SHARE * manifest.fit.passages;
}
