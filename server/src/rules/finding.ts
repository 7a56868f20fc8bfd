import type { Span } from '../syntax/span';
import type { Fix } from './fixIntent';

export type Level = 'error' | 'warning' | 'info';
export type ConfiguredLevel = Level | 'off';

/** Another place that explains a finding, e.g. the resource that uses a bad parameter default. */
export interface RelatedPlace {
  readonly file: string;
  readonly span: Span;
  readonly message: string;
}

/**
 * What a rule (or a parser, for HN001) reports. Plain data: files are absolute paths or
 * URIs as the front end knows them; conversion to LSP or SARIF happens at the edge.
 */
export interface Finding {
  readonly ruleId: string;
  readonly level: Level;
  readonly message: string;
  readonly file: string;
  readonly span: Span;
  readonly related?: readonly RelatedPlace[];
  /** Ways to repair it, as intents on the model (fixes/ turns them into text edits); several mean a choice. */
  readonly fixes?: readonly Fix[];
}
