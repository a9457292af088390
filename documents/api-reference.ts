/**
 * /docs: the OpenAPI document as one static HTML page — operations grouped by tag (method,
 * path, summary, who may call, parameters, body, responses) and the schemas. No script and no
 * CDN (the CSP allows neither, and the build machines are offline); inline styles only.
 */
import type { JsonSchema, OpenApiDocument, OpenApiOperation } from '../platform/http/openapi';

const html = (text: unknown) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** `code` spans and **bold** of the descriptions; everything else escaped. */
const prose = (text: unknown) =>
  html(text ?? '')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\n\n/g, '<br>');

const anchor = (name: string) => `schema-${name}`;

/** A schema in one line: `PackageView`, `string (^\d{8}$)`, `integer 1..100, default 20`. */
function schemaSummary(schema: JsonSchema | undefined): string {
  if (!schema) return '';
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop()!;
    return `<a href="#${anchor(name)}">${html(name)}</a>`;
  }
  const parts: string[] = [];
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.map((v) => html(v)).join(', ')}`);
  else if (schema.type) parts.push(html(Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type));
  if (schema.format) parts.push(`(${html(schema.format)})`);
  else if (schema.pattern) parts.push(`<code>${html(schema.pattern)}</code>`);
  if (schema.minimum !== undefined || schema.maximum !== undefined)
    parts.push(`${html(schema.minimum ?? '')}..${html(schema.maximum ?? '')}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined)
    parts.push(`length ${html(schema.minLength ?? 0)}..${html(schema.maxLength ?? '')}`);
  if (schema.default !== undefined) parts.push(`default ${html(JSON.stringify(schema.default))}`);
  return parts.join(' ');
}

function operationHtml(method: string, path: string, op: OpenApiOperation): string {
  const parameters = (op.parameters ?? []) as {
    name: string;
    in: string;
    required: boolean;
    description?: string;
    schema: JsonSchema;
    example?: string;
  }[];
  const body = op.requestBody as
    | { content: Record<string, { schema: JsonSchema; example?: unknown }> }
    | undefined;
  const security = op.security.length
    ? op.security.map((s) => Object.keys(s).join(' + ')).join(' or ')
    : 'none (public)';
  return `
<section class="op" id="${html(op.operationId)}">
  <h3><span class="method ${html(method)}">${html(method.toUpperCase())}</span> <code>${html(path)}</code></h3>
  <p class="summary">${prose(op.summary)}</p>
  <p>${prose(op.description)}</p>
  <p class="meta">Security: ${html(security)} · operationId <code>${html(op.operationId)}</code></p>
  ${
    parameters.length
      ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th><th>description</th></tr>${parameters
          .map(
            (p) =>
              `<tr><td><code>${html(p.name)}</code></td><td>${html(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${schemaSummary(p.schema)}</td><td>${prose(p.description)}${p.example !== undefined ? ` <span class="ex">e.g. <code>${html(p.example)}</code></span>` : ''}</td></tr>`,
          )
          .join('')}</table>`
      : ''
  }
  ${
    body
      ? `<h4>Request body</h4>${Object.entries(body.content)
          .map(
            ([type, media]) =>
              `<p><code>${html(type)}</code>: ${schemaSummary(media.schema)}</p>${media.example !== undefined ? `<pre>${html(JSON.stringify(media.example, null, 2))}</pre>` : ''}`,
          )
          .join('')}`
      : ''
  }
  <h4>Responses</h4>
  <table><tr><th>status</th><th>content</th><th>description</th></tr>${Object.entries(op.responses)
    .map(
      ([status, r]) =>
        `<tr><td class="status s${html(status[0])}">${html(status)}</td><td>${Object.entries(r.content ?? {})
          .map(([type, media]) => `<code>${html(type)}</code> ${schemaSummary(media.schema)}`)
          .join('<br>')}${
          r.headers ? `<br>headers: ${Object.keys(r.headers).map(html).join(', ')}` : ''
        }</td><td>${prose(r.description)}</td></tr>`,
    )
    .join('')}</table>
</section>`;
}

export function renderDocsPage(document: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  const toc = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = op.tags[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
      toc.set(tag, [
        ...(toc.get(tag) ?? []),
        `<li><a href="#${html(op.operationId)}"><span class="method ${html(method)}">${html(method.toUpperCase())}</span> ${html(path)}</a></li>`,
      ]);
    }
  }
  const tags = document.tags.filter((t) => byTag.has(t.name));
  const info = document.info as { title: string; version: string; description: string };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(info.title)} — API</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d2433; display: flex; }
  nav { width: 320px; flex: none; height: 100vh; overflow: auto; position: sticky; top: 0; background: #f4f6fa; padding: 16px; box-sizing: border-box; font-size: 13px; }
  nav ul { list-style: none; padding: 0; margin: 0 0 12px; }
  nav a { color: inherit; text-decoration: none; }
  main { flex: 1; min-width: 0; padding: 24px 40px; max-width: 1100px; overflow-wrap: anywhere; }
  .op { border-top: 1px solid #dde2eb; padding: 8px 0 16px; }
  .method { display: inline-block; min-width: 44px; text-align: center; border-radius: 4px; color: #fff; font-size: 12px; font-weight: 600; padding: 1px 6px; }
  .get { background: #2f7d4f; } .post { background: #2357b5; }
  .summary { font-weight: 600; }
  .meta, .ex { color: #5b6474; font-size: 13px; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; }
  th, td { text-align: left; border-bottom: 1px solid #e6e9f0; padding: 4px 8px; vertical-align: top; }
  .status { font-weight: 600; } .s2 { color: #2f7d4f; } .s4 { color: #b35c00; } .s5 { color: #b3261e; }
  pre { background: #f4f6fa; padding: 8px; overflow: auto; font-size: 12px; white-space: pre-wrap; }
  code { font-size: 12px; }
</style>
</head>
<body>
<nav>
  <strong>${html(info.title)}</strong> <span class="meta">${html(info.version)}</span>
  <p><a href="/openapi.json">openapi.json</a></p>
  ${tags.map((t) => `<div>${html(t.name)}</div><ul>${(toc.get(t.name) ?? []).join('')}</ul>`).join('')}
  <div><a href="#schemas">Schemas</a></div>
</nav>
<main>
<h1>${html(info.title)} <span class="meta">OpenAPI ${html(document.openapi)}, version ${html(info.version)}</span></h1>
<p>${prose(info.description)}</p>
${tags
  .map(
    (t) =>
      `<h2 id="tag-${html(t.name)}">${html(t.name)}</h2><p>${prose(t.description)}</p>${(byTag.get(t.name) ?? []).join('')}`,
  )
  .join('\n')}
<h2 id="schemas">Schemas</h2>
${Object.entries(document.components.schemas)
  .map(
    ([name, schema]) =>
      `<section class="op" id="${anchor(name)}"><h3>${html(name)}</h3>${schema.description ? `<p>${prose(schema.description)}</p>` : ''}<pre>${html(JSON.stringify(schema, null, 2))}</pre></section>`,
  )
  .join('\n')}
</main>
</body>
</html>
`;
}
