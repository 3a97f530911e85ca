import type { SourceKind } from '../../domain/source.js';
import { franceTravailSource } from './france-travail.source.js';
import { htmlBoardSource, jsonLdSource } from './html-board.source.js';
import type { SourceAdapter } from './source-adapter.js';

/** Every kind of source, one adapter each. `manual` sources are fed by the API, never run. */
export const SOURCE_ADAPTERS: Readonly<Record<Exclude<SourceKind, 'manual'>, SourceAdapter>> = {
  france_travail: franceTravailSource,
  html_board: htmlBoardSource,
  jsonld: jsonLdSource,
};
