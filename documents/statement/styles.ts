/**
 * The statement's stylesheet, inlined into the page (no external fonts, images or links).
 * On screen the statement sits on a grey desk as an A4 sheet; in print it fills the A4 page.
 * Static text only: it never carries customer data.
 */
export const STATEMENT_CSS = `
:root {
  --brand: #0a4da2;
  --brand-dark: #083b7c;
  --accent: #00a0e3;
  --brand-soft: #eef4fb;
  --text: #1f2933;
  --muted: #5f6b7a;
  --rule: #d5dce5;
  --rule-strong: #9aa6b4;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  padding: 40px 16px;
  background: #e9edf2;
  color: var(--text);
  font-family: 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif;
  font-size: 12.5px;
  line-height: 1.45;
}
p { margin: 0; }
h1, h2 { margin: 0; font-weight: 700; }
table { border-collapse: collapse; }
.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }

.sheet {
  width: 210mm;
  min-height: 297mm;
  margin: 0 auto;
  padding: 15mm 14mm 12mm;
  background: #fff;
  box-shadow: 0 1px 3px rgba(16, 24, 40, 0.12), 0 8px 24px rgba(16, 24, 40, 0.08);
  display: flex;
  flex-direction: column;
}

.masthead {
  display: flex;
  justify-content: space-between;
  align-items: flex-end;
  padding-bottom: 12px;
  border-bottom: 3px solid var(--brand);
}
.wordmark {
  font-size: 34px;
  font-weight: 800;
  letter-spacing: -0.5px;
  line-height: 1;
  color: var(--brand);
}
.wordmark-tld { color: #0076b6; } /* the accent darkened to 4.5:1 on white (WCAG AA) */
.title-block { text-align: right; }
.title-block h1 {
  font-size: 22px;
  letter-spacing: 2.5px;
  color: var(--brand-dark);
}
.status { margin-top: 6px; font-size: 10.5px; color: var(--muted); }
.status-value {
  display: inline-block;
  margin-left: 4px;
  padding: 1px 7px;
  border: 1px solid currentColor;
  border-radius: 3px;
  font-weight: 700;
  letter-spacing: 0.8px;
}
.status-unpaid .status-value { color: #9a5b00; }
.status-paid .status-value { color: #157347; }
.status-void .status-value { color: #5f6b7a; text-decoration: line-through; }

.parties {
  display: grid;
  grid-template-columns: 1fr 106mm;
  grid-template-areas:
    'company facts'
    'recipient facts';
  column-gap: 7mm;
  row-gap: 18px;
  margin-top: 18px;
}
.company { grid-area: company; font-style: normal; }
.company-name { display: block; font-size: 13.5px; color: var(--text); }
.contact { display: block; margin-top: 6px; color: var(--muted); }

.facts {
  grid-area: facts;
  align-self: start;
  width: 100%;
  border: 1px solid var(--rule);
}
.facts th, .facts td { padding: 6px 10px; border-bottom: 1px solid var(--rule); vertical-align: baseline; }
.facts tr:last-child th, .facts tr:last-child td { border-bottom: 0; }
.facts th { text-align: left; font-weight: 400; color: var(--muted); font-size: 12px; white-space: nowrap; }
.facts td { text-align: right; font-weight: 600; white-space: nowrap; font-variant-numeric: tabular-nums; }
.facts .fact-strong th, .facts .fact-strong td { background: var(--brand-soft); color: var(--brand-dark); font-weight: 700; }
.facts .fact-strong td { font-size: 15px; }

.recipient { grid-area: recipient; max-width: 82mm; }
.recipient-heading { color: var(--muted); margin-bottom: 2px; }
.recipient-name { font-weight: 700; font-size: 13.5px; }
.recipient-address { white-space: pre-line; text-transform: none; }

.invoice { margin-top: 26px; }
.invoice h2 {
  font-size: 13px;
  letter-spacing: 1.5px;
  color: var(--brand-dark);
  margin-bottom: 8px;
}
.lines { width: 100%; }
.lines th {
  padding: 7px 10px;
  background: var(--brand);
  color: #fff;
  font-weight: 600;
  font-size: 11.5px;
  text-align: left;
}
.lines th.amount { text-align: right; }
.lines td { padding: 7px 10px; border-bottom: 1px solid var(--rule); }
.lines .line-emphasis td { font-weight: 700; border-top: 1.5px solid var(--rule-strong); }

.summary {
  display: flex;
  justify-content: space-between;
  align-items: flex-start;
  gap: 7mm;
  margin-top: 18px;
}
.in-words {
  flex: 1;
  padding: 10px 12px;
  border-left: 3px solid var(--accent);
  background: #f7f9fb;
}
.in-words-label { color: var(--muted); font-size: 11px; }
.in-words-value { font-style: italic; font-weight: 600; }
.totals { width: 106mm; }
.totals th, .totals td { padding: 6px 10px; }
.totals th { text-align: left; font-weight: 400; color: var(--muted); }
.totals tr + tr th, .totals tr + tr td { border-top: 1px solid var(--rule); }
.totals .grand-total th, .totals .grand-total td {
  background: var(--brand);
  color: #fff;
  font-weight: 700;
  font-size: 14px;
  border-top: 0;
}
.totals .grand-total th { letter-spacing: 0.8px; }

.notes {
  margin-top: auto;
  padding-top: 12px;
  border-top: 1px solid var(--rule);
  color: var(--muted);
  font-size: 11px;
}
.notes p + p { margin-top: 4px; }
.notes strong { color: var(--text); }
.fineprint { font-size: 10px; }

@page { size: A4; margin: 12mm; }
@media print {
  body { padding: 0; background: #fff; font-size: 11.5px; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .notes { margin-top: 28px; }
  .lines th, .totals .grand-total th, .totals .grand-total td, .facts .fact-strong th, .facts .fact-strong td,
  .in-words { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .lines tr, .summary { break-inside: avoid; }
}
@media screen and (max-width: 820px) {
  body { padding: 0; }
  .sheet { width: auto; min-height: 0; padding: 20px; box-shadow: none; }
  .sheet { padding: 16px 12px; }
  .parties { grid-template-columns: minmax(0, 1fr); grid-template-areas: 'company' 'facts' 'recipient'; }
  .facts th { white-space: normal; }
  .facts th, .facts td, .lines td, .lines th, .totals th, .totals td { padding-left: 6px; padding-right: 6px; }
  .masthead { flex-wrap: wrap; gap: 8px; }
  .title-block { text-align: left; }
  .summary { flex-direction: column-reverse; }
  .totals { width: 100%; }
}
`;
