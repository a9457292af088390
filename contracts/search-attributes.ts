/**
 * Custom search attributes an operator filters runs by in the Temporal Web UI, e.g.
 * `UpgradeStatus = "AWAITING_ONT_SWAP" AND AwaitingOntSwapSince < "2025-11-24T00:00:00Z"`.
 * Registered on the dev server at start (`--search-attribute`) and, for a real cluster, with
 * `temporal operator search-attribute create` (README).
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CustomerIdKey = defineSearchAttributeKey('CustomerId', SearchAttributeType.KEYWORD);
export const UpgradeStatusKey = defineSearchAttributeKey('UpgradeStatus', SearchAttributeType.KEYWORD);
export const TargetPackageKey = defineSearchAttributeKey('TargetPackage', SearchAttributeType.KEYWORD);
export const TicketNumbersKey = defineSearchAttributeKey('TicketNumbers', SearchAttributeType.KEYWORD_LIST);
export const WorkOrderNumbersKey = defineSearchAttributeKey(
  'WorkOrderNumbers',
  SearchAttributeType.KEYWORD_LIST,
);
export const AwaitingOntSwapSinceKey = defineSearchAttributeKey(
  'AwaitingOntSwapSince',
  SearchAttributeType.DATETIME,
);
/** When the technician's visit starts (the booked slot), e.g. `VisitDate < "2025-11-25T00:00:00+07:00"`. */
export const VisitDateKey = defineSearchAttributeKey('VisitDate', SearchAttributeType.DATETIME);

const CLI_TYPE_NAMES: Record<string, string> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
  [SearchAttributeType.DATETIME]: 'Datetime',
};

export const SEARCH_ATTRIBUTES = [
  CustomerIdKey,
  UpgradeStatusKey,
  TargetPackageKey,
  TicketNumbersKey,
  WorkOrderNumbersKey,
  AwaitingOntSwapSinceKey,
  VisitDateKey,
];

/** `Name=Type` pairs as the Temporal CLI takes them. */
export function searchAttributeCliPairs(): string[] {
  return SEARCH_ATTRIBUTES.map((key) => `${key.name}=${CLI_TYPE_NAMES[key.type]}`);
}
