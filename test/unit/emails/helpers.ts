/** Shared checks for the rendered customer emails. */
import { type ComponentType, createElement } from 'react';
import { render } from 'react-email';
import { type EmailKind, type EmailPropsMap, type RenderedEmail, renderEmail } from '../../../emails/render';

/** What mangled UTF-8 looks like once decoded as Windows-1252 / Latin-1 (the deck's "â€”" and "ðŸ™™"). */
export const MOJIBAKE_MARKERS = ['â€', 'ðŸ', '\uFFFD', 'Ã'] as const;

export function expectNoMojibake(content: string): void {
  for (const marker of MOJIBAKE_MARKERS) expect(content).not.toContain(marker);
}

export function expectNoHtmlTags(text: string): void {
  expect(text).not.toMatch(/<\/?[a-z][a-z0-9-]*(\s[^>]*)?\/?>/i);
  expect(text).not.toMatch(/<!--|&(amp|lt|gt|quot|#x?[0-9a-f]+);/i);
}

/** The characters survive an encode/decode round trip as UTF-8 and sit in the bytes as their UTF-8 sequences. */
export function expectUtf8(content: string, characters: readonly string[]): void {
  const bytes = Buffer.from(content, 'utf8');
  expect(bytes.toString('utf8')).toBe(content);
  for (const character of characters) {
    expect(content).toContain(character);
    expect(bytes.includes(Buffer.from(character, 'utf8'))).toBe(true);
  }
}

/** The words a reader sees in the HTML: block tags become spaces, inline tags and comments vanish, common entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  return body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?(br|p|div|h[1-6]|table|tbody|tr|td|th|hr)\b[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;|&#xa0;/gi, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The `Halo …,` line of the plain-text version. */
export function greetingOf(text: string): string | undefined {
  return /^Halo (.+),$/m.exec(text)?.[1];
}

export function expectFooter(content: string): void {
  expect(content).toContain('PT. Mora Telematika Indonesia Tbk.');
  expect(content).toContain('1500780');
  expect(content).toContain('ccare@oxygen.id');
}

export interface EmailUnderTest<K extends EmailKind> {
  kind: K;
  props: EmailPropsMap[K];
  /** The component behind `kind`: rendered directly, it gives the same HTML as `renderEmail`. */
  component: ComponentType<EmailPropsMap[K]>;
  subject: string;
  customerName: string;
  /** The package names a wrong greeting would carry (the visit emails name none). */
  packageNames?: readonly string[];
  /** Where the text version goes on after the greeting. */
  firstWords: string;
  /** Each stands as it is in the visible HTML and in the text version. */
  sentences: readonly string[];
  /** The non-ASCII characters the email writes, which must stay UTF-8 in HTML and text. */
  utf8: readonly string[];
}

/**
 * Declares, in the calling `describe`, the checks every customer email passes: renders the email once, then
 * its subject and title, the greeting, each sentence, sign-off and footer, no placeholder, clean UTF-8, a text
 * version without markup, and the same HTML from the component. Returns the rendering for the file's own tests.
 */
export function describeEmail<K extends EmailKind>(email: EmailUnderTest<K>) {
  const { kind, props, subject, customerName, firstWords, packageNames = [], utf8 } = email;
  let current: { rendered: RenderedEmail; seen: string } | undefined;
  const now = () => {
    if (current === undefined) throw new Error(`${kind} is rendered in beforeAll: read it inside a test`);
    return current;
  };
  const rendered = () => now().rendered;
  /** The words a reader sees in the HTML. */
  const seen = () => now().seen;

  beforeAll(async () => {
    const result = await renderEmail(kind, props);
    current = { rendered: result, seen: visibleText(result.html) };
  });

  it('has its subject, also as the document title', () => {
    expect(rendered().subject).toBe(subject);
    expect(rendered().html).toContain(`<title>${subject}</title>`);
  });

  it('greets the customer by name before anything else, never by a package', () => {
    const { text } = rendered();
    expect(greetingOf(text)).toBe(customerName);
    expect(seen()).toContain(`Halo ${customerName},`);
    expect(text.indexOf(`Halo ${customerName},`)).toBeLessThan(text.indexOf(firstWords));
    for (const packageName of packageNames) {
      expect(text).not.toContain(`Halo ${packageName}`);
      expect(seen()).not.toContain(`Halo ${packageName}`);
    }
  });

  it.each(email.sentences)('says: %s', (sentence) => {
    expect(seen()).toContain(sentence);
    expect(rendered().text).toContain(sentence);
  });

  it('signs off as Tim Oxygen.id and carries the footer', () => {
    expect(rendered().text).toMatch(/Salam hangat,\s+Tim Oxygen\.id/);
    expectFooter(seen());
    expectFooter(rendered().text);
  });

  it('leaks no placeholder or empty value', () => {
    for (const content of [seen(), rendered().text]) {
      expect(content).not.toMatch(/undefined|null|NaN|\[object Object\]|\{\{|\}\}/);
    }
  });

  it('is clean UTF-8 without mojibake, and the text version has no markup', () => {
    const { html, text } = rendered();
    expect(html).toContain('charset=UTF-8');
    expectUtf8(html, utf8);
    expectUtf8(text, utf8);
    expectNoMojibake(html);
    expectNoMojibake(text);
    expectNoHtmlTags(text);
  });

  // The component with its props (TypeScript cannot correlate the two through a generic kind).
  const element = () => createElement(email.component as ComponentType<object>, props as object);

  it('renders the same HTML through the component as through renderEmail', async () => {
    expect(await render(element())).toBe(rendered().html);
  });

  it('gives the same text version as react-email’s own plain-text rendering', async () => {
    expect(rendered().text).toBe(await render(element(), { plainText: true }));
  });

  return { rendered, seen };
}
