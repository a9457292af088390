import { Pagination } from '../../contracts/requests';
import { homeView, paymentPage, subscriptionView } from '../../services/customers';
import { ok, operationsOf, paged, refusals } from '../operation';
import { upgradeView } from '../upgrade-view';

const operation = operationsOf('Customers');

export const CUSTOMERS = [
  operation({
    operationId: 'getHome',
    route: 'GET /v1/customers/{customerId}/home',
    summary: 'The app’s Home Page',
    description:
      'Package, period, promo, ONT, the upgrade in flight, the technician visit, unread inbox count.',
    access: 'customer-read',
    responses: { 200: ok('the home page', 'HomeView') },
    handler: async ({ params: { customerId } }, { db }) => {
      const { pending, ...home } = await homeView(db, customerId);
      return { ...home, pendingUpgrade: pending && upgradeView(pending) };
    },
  }),
  operation({
    operationId: 'listPayments',
    route: 'GET /v1/customers/{customerId}/payments',
    summary: 'Payment history (Riwayat Pembayaran)',
    description: 'Newest first, paginated.',
    access: 'customer-read',
    query: Pagination,
    responses: { 200: ok('one page of payments', 'PaymentPage') },
    handler: ({ params: { customerId }, query }, { db }) =>
      paged(query, (w) => paymentPage(db, customerId, w)),
  }),
  operation({
    operationId: 'getSubscription',
    route: 'GET /v1/customers/{customerId}/subscription',
    summary: 'The active package and the ONT (View Detail Paket Aktif)',
    description: 'Service info (package, speed, term, period, price, status) and device info.',
    access: 'customer-read',
    responses: { 200: ok('the subscription', 'SubscriptionView'), ...refusals('NO_SUBSCRIPTION') },
    handler: async ({ params }, { db }) => subscriptionView(db, params.customerId),
  }),
];
