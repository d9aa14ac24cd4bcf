import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import programmesOperation from '../../../operations/coordinator-dashboard-programmes.graphql';
import programmeOperation from '../../../operations/coordinator-dashboard.graphql';
import feedOperation from '../../../operations/coordinator-dashboard-feed.graphql';
import { ApiError, request } from '../shared/api';
import { byId, count, el, euros, shortDay, time } from '../shared/format';
import { forgetToken, readClaims, saveToken, savedToken, type TokenClaims } from '../shared/token';
import { startLiveFeed, type ConnectionState, type FeedItem } from './live-feed';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Books issued and handed out and days left change without a redemption: re-read this often. */
const REFRESH_MS = 30_000;
/** Redemptions arriving together cause one re-read of the figures, not one each. */
const FEED_SETTLE_MS = 250;
const FEED_LENGTH = 50;

interface Place {
  code: string;
  name: string;
  vouchersRedeemed: number;
  amountCents: number;
}
interface ProgrammeFigures {
  id: string;
  name: string;
  validUntil: string;
  daysLeft: number;
  budgetCents: number;
  booksIssued: number;
  booksHandedOut: number;
  vouchersIssued: number;
  vouchersRedeemed: number;
  redeemedAmountCents: number;
  venueActivity: { venue: { id: string; name: string; commune: string | null }; vouchersRedeemed: number; amountCents: number }[];
  distributorActivity: { distributor: { id: string; name: string }; booksAllocated: number; booksHandedOut: number; vouchersRedeemed: number }[];
  redemptionsByDay: { day: string; vouchersRedeemed: number; amountCents: number }[];
  departements: Place[];
  communes: Place[];
}

const STATE_LABELS: Record<ConnectionState, string> = {
  connecting: 'Connexion…',
  live: 'En direct',
  reconnecting: 'Reconnexion…',
  offline: 'Hors ligne',
};

const ui = {
  signIn: byId('sign-in'),
  signInForm: byId<HTMLFormElement>('sign-in-form'),
  token: byId<HTMLInputElement>('token'),
  signInError: byId('sign-in-error'),
  signOut: byId<HTMLButtonElement>('sign-out'),
  connection: byId('connection'),
  choose: byId('choose'),
  chooseForm: byId<HTMLFormElement>('choose-form'),
  programme: byId<HTMLSelectElement>('programme'),
  loadError: byId('load-error'),
  board: byId('board'),
  title: byId('board-title'),
  feed: byId<HTMLOListElement>('feed'),
  feedEmpty: byId('feed-empty'),
};

let token: string | null = null;
let feed: { stop(): void } | null = null;
let poll: ReturnType<typeof setInterval> | undefined;
let settle: ReturnType<typeof setTimeout> | undefined;
let chart: Chart | null = null;
let shownProgramme: string | null = null;
const seen = new Set<string>();

function setConnection(state: ConnectionState, detail?: string): void {
  ui.connection.hidden = false;
  ui.connection.dataset.state = state;
  ui.connection.textContent = detail ? `${STATE_LABELS[state]} (${detail})` : STATE_LABELS[state];
}

function stopBoard(): void {
  feed?.stop();
  feed = null;
  if (poll) clearInterval(poll);
  if (settle) clearTimeout(settle);
  poll = undefined;
}

function signedOut(message = ''): void {
  stopBoard();
  token = null;
  forgetToken();
  ui.board.hidden = true;
  ui.choose.hidden = true;
  ui.signOut.hidden = true;
  ui.connection.hidden = true;
  ui.signIn.hidden = false;
  ui.signInError.textContent = message;
  ui.token.value = '';
  ui.token.focus();
}

function failed(err: unknown, where: HTMLElement): void {
  if (err instanceof ApiError && err.failure === 'auth') return signedOut(err.message);
  where.textContent = err instanceof ApiError ? err.message : 'Le tableau de bord n’a pas pu se charger. Réessayez.';
}

function fillTable(id: string, rows: (string | number)[][], numericFrom: number, empty: string): void {
  const table = byId<HTMLTableElement>(id);
  const body = table.tBodies[0]!;
  if (rows.length === 0) {
    const tr = el('tr');
    tr.append(el('td', empty, { colspan: String(table.tHead?.rows[0]?.cells.length ?? 1) }));
    body.replaceChildren(tr);
    return;
  }
  body.replaceChildren(
    ...rows.map((cells) => {
      const tr = el('tr');
      cells.forEach((cell, i) => {
        const cellElement = i === 0 ? el('th', String(cell), { scope: 'row' }) : el('td', String(cell));
        if (i >= numericFrom) cellElement.className = 'num';
        tr.append(cellElement);
      });
      return tr;
    }),
  );
}

function render(p: ProgrammeFigures): void {
  ui.title.textContent = p.name;
  byId('kpi-vouchers').textContent = count(p.vouchersRedeemed);
  byId('kpi-amount').textContent = euros(p.redeemedAmountCents);
  byId('kpi-budget').textContent =
    p.budgetCents > 0 ? `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format((100 * p.redeemedAmountCents) / p.budgetCents)} %` : '—';
  byId('kpi-issued').textContent = count(p.booksIssued);
  byId('kpi-handed-out').textContent = count(p.booksHandedOut);
  byId('kpi-days-left').textContent = count(p.daysLeft);
  fillTable('venues', p.venueActivity.map((v) => [v.venue.name, v.venue.commune ?? '', count(v.vouchersRedeemed), euros(v.amountCents)]), 2, 'Aucun Pass utilisé pour l’instant.');
  fillTable(
    'distributors',
    p.distributorActivity.map((d) => [d.distributor.name, count(d.booksAllocated), count(d.booksHandedOut), count(d.vouchersRedeemed)]),
    1,
    'Aucun carnet attribué pour l’instant.',
  );
  fillTable('departements', p.departements.map((d) => [`${d.name} (${d.code})`, count(d.vouchersRedeemed), euros(d.amountCents)]), 1, 'Aucun Pass utilisé pour l’instant.');
  fillTable('communes', p.communes.map((c) => [c.name, count(c.vouchersRedeemed), euros(c.amountCents)]), 1, 'Aucun Pass utilisé pour l’instant.');
  fillTable('days', p.redemptionsByDay.map((d) => [shortDay(d.day), count(d.vouchersRedeemed), euros(d.amountCents)]), 1, 'Aucun Pass utilisé pour l’instant.');
  drawChart(p.redemptionsByDay);
}

function drawChart(days: ProgrammeFigures['redemptionsByDay']): void {
  const labels = days.map((d) => shortDay(d.day));
  const values = days.map((d) => d.vouchersRedeemed);
  if (chart) {
    chart.data.labels = labels;
    chart.data.datasets[0]!.data = values;
    chart.update('none');
    return;
  }
  chart = new Chart(byId<HTMLCanvasElement>('chart'), {
    type: 'bar',
    data: { labels, datasets: [{ label: 'Pass utilisés', data: values, backgroundColor: '#000091' }] },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0, color: '#161616' } }, x: { ticks: { color: '#161616' } } },
      plugins: { tooltip: { enabled: true } },
    },
  });
}

async function refresh(): Promise<void> {
  if (!token || !shownProgramme) return;
  const programmeId = shownProgramme;
  try {
    const data = await request<{ programme: ProgrammeFigures }>(token, programmeOperation, { programmeId });
    if (shownProgramme === programmeId) render(data.programme);
    ui.loadError.textContent = '';
  } catch (err) {
    failed(err, ui.loadError);
  }
}

function refreshSoon(): void {
  if (settle) clearTimeout(settle);
  settle = setTimeout(() => void refresh(), FEED_SETTLE_MS);
}

function addToFeed(item: FeedItem): void {
  const r = item.redemption;
  if (seen.has(r.id)) return;
  seen.add(r.id);
  const li = el('li', undefined, { 'data-redemption': r.id });
  const distributor = r.voucher.book.distributor?.name ?? 'aiguilleur inconnu';
  li.append(
    el('strong', `${time(r.redeemedAt)} · ${r.venue.name}`),
    document.createTextNode(` — ${r.session.workshop.topic}, carnet remis par ${distributor} — `),
    el('span', euros(r.amountCents), { class: 'amount' }),
  );
  ui.feed.prepend(li);
  while (ui.feed.children.length > FEED_LENGTH) ui.feed.lastElementChild?.remove();
  ui.feedEmpty.hidden = true;
  refreshSoon();
}

async function show(programmeId: string): Promise<void> {
  if (!token) return;
  stopBoard();
  shownProgramme = programmeId;
  seen.clear();
  ui.feed.replaceChildren();
  ui.feedEmpty.hidden = false;
  try {
    const data = await request<{ programme: ProgrammeFigures }>(token, programmeOperation, { programmeId });
    ui.loadError.textContent = '';
    ui.board.hidden = false;
    render(data.programme);
  } catch (err) {
    ui.board.hidden = true;
    return failed(err, ui.loadError);
  }
  const current = token;
  feed = startLiveFeed({
    token: current,
    programmeId,
    operation: feedOperation,
    onItem: addToFeed,
    onState: setConnection,
    onConnected: () => void refresh(),
    onRefused: () => {
      ui.loadError.textContent = 'Le flux en direct a été refusé pour ce jeton ; les chiffres restent mis à jour toutes les 30 secondes.';
    },
  });
  poll = setInterval(() => void refresh(), REFRESH_MS);
}

/** Programmes this token may watch: a coordinator's own, or every one for the operator and analysts. */
function visible(programmes: { id: string; name: string }[], claims: TokenClaims) {
  return claims.role === 'coordinator' ? programmes.filter((p) => claims.programmeIds.includes(p.id)) : programmes;
}

async function signIn(candidate: string): Promise<void> {
  const claims = readClaims(candidate);
  if (!claims) return signedOut('Ce jeton n’est pas lisible : copiez-le en entier.');
  if (!['coordinator', 'operator', 'analyst', 'funder'].includes(claims.role)) {
    return signedOut('Ce jeton ne donne pas accès au tableau de bord de coordination.');
  }
  try {
    const data = await request<{ programmes: { id: string; name: string; validUntil: string }[] }>(candidate, programmesOperation);
    token = candidate;
    saveToken(candidate);
    const choices = visible(data.programmes, claims);
    ui.programme.replaceChildren(...choices.map((p) => el('option', p.name, { value: p.id })));
    ui.signIn.hidden = true;
    ui.choose.hidden = false;
    ui.signOut.hidden = false;
    ui.loadError.textContent = choices.length === 0 ? 'Aucun programme n’est rattaché à ce jeton.' : '';
    ui.programme.focus();
  } catch (err) {
    ui.signIn.hidden = false;
    failed(err, ui.signInError);
  }
}

ui.signInForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const candidate = ui.token.value.trim();
  if (!candidate) {
    ui.signInError.textContent = 'Collez votre jeton d’accès.';
    ui.token.focus();
    return;
  }
  void signIn(candidate);
});
ui.chooseForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (ui.programme.value) void show(ui.programme.value);
});
ui.signOut.addEventListener('click', () => signedOut());

const remembered = savedToken();
if (remembered) void signIn(remembered);
else signedOut();
