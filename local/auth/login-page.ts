/** The development provider's sign-in page: pick a seeded person with one click (no passwords). */
import type { Person } from './people';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const GROUPS: Array<[Person['role'], string]> = [
  ['customer', 'Pelanggan'],
  ['technician', 'Teknisi'],
  ['cs', 'Customer Service'],
  ['operator', 'Operasional'],
];

export function renderLoginPage(input: {
  action: string;
  abort: string;
  clientName: string;
  people: readonly Person[];
}) {
  const groups = GROUPS.map(([role, legend]) => {
    const people = input.people.filter((p) => p.role === role);
    if (people.length === 0) return '';
    const buttons = people
      .map(
        (p) => `<li><button type="submit" name="account" value="${escapeHtml(p.accountId)}">
          <span class="name">${escapeHtml(p.name)}</span> <span class="what">${escapeHtml(p.description)}</span></button></li>`,
      )
      .join('\n');
    return `<fieldset><legend>${legend}</legend><ul>${buttons}</ul></fieldset>`;
  }).join('\n');
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Masuk — Oxygen.id</title>
<style>
body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.5rem}fieldset{border:1px solid #ccc;border-radius:.5rem;margin:1rem 0}
ul{list-style:none;padding:0;margin:0}li{margin:.4rem 0}
button{width:100%;text-align:left;padding:.6rem .8rem;font-size:1rem;border:1px solid #0b5cad;border-radius:.4rem;background:#fff;cursor:pointer}
button:hover,button:focus-visible{background:#e8f1fb;outline:2px solid #0b5cad}
.what{color:#555;font-size:.9rem}.note{color:#555}
</style>
</head>
<body>
<main>
<h1>Masuk ke ${escapeHtml(input.clientName)}</h1>
<p class="note">Lingkungan pengembangan: pilih salah satu orang di bawah ini untuk masuk, tanpa kata sandi.</p>
<form method="post" action="${escapeHtml(input.action)}" aria-label="Pilih akun untuk masuk">
${groups}
</form>
<form method="post" action="${escapeHtml(input.abort)}"><button type="submit">Batal</button></form>
</main>
</body>
</html>`;
}
