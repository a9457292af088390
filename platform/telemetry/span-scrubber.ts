/**
 * Every span passes here before it is exported — the instrumentations' (HTTP in and out, undici,
 * pg, Prisma), Temporal's (the workflow spans too: they come out of the sandbox through the same
 * processor) and our own — so what no span may carry is enforced once, whatever recorded it:
 * no query string (`url.query` is dropped; `url.full`, `http.url`, `http.target` lose theirs), no
 * header or field of our shapes that is personal or secret, and no token, email address or phone
 * number in any attribute, event, link, status message or span name (./personal-data.ts).
 * SQL is recorded parameterized (pg's `enhancedDatabaseReporting` stays off): values never reach a span.
 */
import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { isPersonalField, REDACTED, scrubText, scrubValue, withoutQuery } from './personal-data';

/** Attributes that are nothing but a query string, or a statement's values. */
const DROPPED = new Set(['url.query', 'http.query', 'db.statement.parameters', 'db.query.parameters']);
const DROPPED_PREFIXES = ['db.query.parameter.', 'db.operation.parameter.'];
/** Attributes that are a URL or a request target: kept without their query string. */
const URLS = new Set(['url.full', 'url.original', 'http.url', 'http.target']);
/** Attributes whose last segment is a field name (headers, our own): judged by that name. */
const NAMED_PREFIXES = [
  'http.request.header.',
  'http.response.header.',
  'rpc.request.metadata.',
  'selfcare.',
];

type AttributeValue = string | number | boolean | Array<string | number | boolean | null | undefined>;
type MutableAttributes = Record<string, AttributeValue | undefined>;

function scrubAttributeValue(value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? scrubText(item) : item));
  // Not an attribute type, but the workflow spans' sink hands its run's info over as is.
  if (value !== null && typeof value === 'object') return scrubValue(value) as AttributeValue;
  return value;
}

/** Scrubs an attribute set in place. */
export function scrubAttributes(attributes: MutableAttributes | undefined): void {
  if (!attributes) return;
  for (const key of Object.keys(attributes)) {
    if (DROPPED.has(key) || DROPPED_PREFIXES.some((prefix) => key.startsWith(prefix))) {
      delete attributes[key];
      continue;
    }
    const value = attributes[key];
    const named = NAMED_PREFIXES.find((prefix) => key.startsWith(prefix));
    if (named && isPersonalField(key.slice(named.length).split('.').at(-1) ?? '')) {
      attributes[key] = REDACTED;
    } else if (URLS.has(key) && typeof value === 'string') {
      attributes[key] = scrubText(withoutQuery(value));
    } else {
      attributes[key] = scrubAttributeValue(value);
    }
  }
}

interface MutableSpan {
  name: string;
  attributes: MutableAttributes;
  status?: { message?: string };
  events?: Array<{ name: string; attributes?: MutableAttributes }>;
  links?: Array<{ attributes?: MutableAttributes }>;
}

/** Scrubs an ended span in place (it is read-only to the API, plain data to the SDK). */
export function scrubSpan(span: ReadableSpan): void {
  const mutable = span as unknown as MutableSpan;
  mutable.name = scrubText(withoutQuery(mutable.name));
  scrubAttributes(mutable.attributes);
  if (mutable.status?.message) mutable.status.message = scrubText(mutable.status.message);
  for (const event of mutable.events ?? []) {
    event.name = scrubText(event.name);
    scrubAttributes(event.attributes);
  }
  for (const link of mutable.links ?? []) scrubAttributes(link.attributes);
}

/** Scrubs each ended span, then hands it to `next` (the exporting processor). */
export class ScrubbingSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    scrubSpan(span);
    this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
