/**
 * What an embedder tells the index manifest about itself, so the server can refuse an index that was
 * embedded by a different model (vectors from two models are not comparable).
 */
import type { Embeddings } from '@langchain/core/embeddings';
import type { IndexSettings } from '../types.js';

/** Kind ("local", "openai"), model name (with a fingerprint for fitted models) and vector length. */
export type EmbedderDescription = IndexSettings['embedder'];

/** A LangChain embedder that can describe itself for the manifest. */
export type DescribedEmbeddings = Embeddings & { describe(): EmbedderDescription };
