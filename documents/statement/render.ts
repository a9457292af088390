/**
 * Renders the printable Billing Statement as one self-contained HTML document: UTF-8, `lang="id"`,
 * CSS inlined (A4 print rules included), no external resources, no scripts.
 * All data reaches the page through React text children, so it is HTML-escaped.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { BillView, StatementCustomer } from '../../contracts/views';
import { BillingStatement } from './BillingStatement';
import { STATEMENT_CSS } from './styles';

export interface BillingStatementInput {
  bill: BillView;
  customer: StatementCustomer;
}

/** Thrown when the customer handed in is not the one the bill belongs to. */
export class StatementCustomerMismatchError extends Error {
  override readonly name = 'StatementCustomerMismatchError';
}

export function renderBillingStatement(input: { bill: BillView; customer: StatementCustomer }): string {
  const { bill, customer } = input;
  // Never print one customer's name and address on another customer's bill.
  if (customer.id !== bill.customerId) {
    throw new StatementCustomerMismatchError(
      `bill ${bill.billCode} belongs to customer ${bill.customerId}, not ${customer.id}`,
    );
  }
  const title = renderToStaticMarkup(createElement('title', null, `Billing Statement ${bill.billCode}`));
  const body = renderToStaticMarkup(createElement(BillingStatement, { bill, customer }));
  return [
    '<!doctype html>',
    '<html lang="id">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    title,
    `<style>${STATEMENT_CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
