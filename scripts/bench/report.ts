/** The bench's Markdown: tables, and its reports written between their markers in a file. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(__dirname, '..', '..');

export function markdownTable(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ];
}

/**
 * Replaces what stands between `markers` in `file` with `report` (the rest of the file is kept);
 * without the markers, appends them under `heading`. Then formats the file with Biome (aligned
 * tables), as `npm run lint` checks it.
 */
export function writeBetweenMarkers(
  file: string,
  report: string,
  [begin, end]: readonly [string, string],
  heading: string,
): void {
  const block = `${begin}\n\n${report}\n\n${end}`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (text.includes(begin) && text.includes(end)) {
    text = text.slice(0, text.indexOf(begin)) + block + text.slice(text.indexOf(end) + end.length);
  } else {
    text = `${text.trimEnd()}\n\n## ${heading}\n\n${block}\n`;
  }
  fs.writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
  try {
    execFileSync(path.join(projectRoot, 'node_modules', '.bin', 'biome'), ['format', '--write', file], {
      cwd: projectRoot,
      stdio: 'ignore',
    });
  } catch {
    process.stderr.write(`[bench] could not format ${file} with Biome; run npx biome format --write on it\n`);
  }
}
