import { hn103ActionGroupDisabledOrEmpty } from './template/hn103ActionGroupDisabledOrEmpty';
import type { Rule } from './rule';

/** The template rules (HN1xx-HN4xx), in catalog order. Policy-file rules live in rules/policy. */
export const templateRules: readonly Rule[] = [hn103ActionGroupDisabledOrEmpty];
