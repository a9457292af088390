/** Shared checks for the rendered customer emails. */

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

/** Greets the customer by name, and never by the package name (the deck's `Halo Stream 200 Yearly,`). */
export function expectGreeting(
  rendered: { html: string; text: string },
  customerName: string,
  packageName: string,
): void {
  expect(greetingOf(rendered.text)).toBe(customerName);
  expect(visibleText(rendered.html)).toContain(`Halo ${customerName},`);
  for (const content of [rendered.text, visibleText(rendered.html)]) {
    expect(content).not.toContain(`Halo ${packageName}`);
  }
}

export function expectFooter(content: string): void {
  expect(content).toContain('PT. Mora Telematika Indonesia Tbk.');
  expect(content).toContain('1500780');
  expect(content).toContain('ccare@oxygen.id');
}
