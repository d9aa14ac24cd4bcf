import { codeKind, formatCode, isValidCode, normaliseCode } from '@pass/contracts';
import counterOperation from '../../../operations/venue-counter.graphql';
import redeemOperation from '../../../operations/venue-redeem.graphql';
import { ApiError, request } from '../shared/api';
import { byId, count, euros, longToday, parisToday, time } from '../shared/format';
import { forgetToken, readClaims, saveToken, savedToken } from '../shared/token';
import { TYPING, refusalMessage } from './venue-messages';

interface MonthToDate {
  month: string;
  vouchersRedeemed: number;
  amountCents: number;
}
interface Session {
  id: string;
  startsAt: string;
  seats: number;
  seatsLeft: number | null;
  workshop: { topic: string; durationMinutes: number };
}
interface Counter {
  venue: { id: string; name: string; commune: string | null; monthToDate: MonthToDate; sessionsOn: Session[] };
}
interface RedeemAnswer {
  redeemVoucher: {
    redemption: {
      id: string;
      amountCents: number;
      voucher: { code: string };
      session: { id: string; seatsLeft: number | null };
      venue: { monthToDate: MonthToDate };
    } | null;
    error: { code: string; message: string } | null;
  };
}

/**
 * One redemption attempt: the idempotency key is drawn once per code and session and kept until
 * the hub has answered, so a retry after a network failure, a double click or a second scan
 * of the same code in flight can never redeem twice.
 */
interface Attempt {
  code: string;
  sessionId: string;
  key: string;
}

const ui = {
  signIn: byId('sign-in'),
  signInForm: byId<HTMLFormElement>('sign-in-form'),
  token: byId<HTMLInputElement>('token'),
  signInError: byId('sign-in-error'),
  counter: byId('counter'),
  who: byId('who'),
  signOut: byId<HTMLButtonElement>('sign-out'),
  today: byId('today'),
  form: byId<HTMLFormElement>('redeem-form'),
  session: byId<HTMLSelectElement>('session'),
  sessionHelp: byId('session-help'),
  code: byId<HTMLInputElement>('code'),
  redeem: byId<HTMLButtonElement>('redeem'),
  result: byId('result'),
  seatsLeft: byId('seats-left'),
  monthCount: byId('month-count'),
  monthAmount: byId('month-amount'),
};

let token: string | null = null;
let sessions: Session[] = [];
let pending: Attempt | null = null;
let inFlight = false;

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return `counter-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `counter-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function say(kind: 'accepted' | 'refused' | 'pending', headline: string, detail = ''): void {
  ui.result.className = `result ${kind}`;
  ui.result.replaceChildren(document.createTextNode(headline));
  if (detail) {
    const span = document.createElement('span');
    span.className = 'detail';
    span.textContent = detail;
    ui.result.append(span);
  }
}

function showMonth(month: MonthToDate): void {
  ui.monthCount.textContent = count(month.vouchersRedeemed);
  ui.monthAmount.textContent = euros(month.amountCents);
}

function seatsText(left: number | null): string {
  if (left === null) return 'en cours de mise à jour';
  if (left === 0) return 'complet';
  return left === 1 ? '1 place' : `${count(left)} places`;
}

function showSeats(): void {
  const session = sessions.find((s) => s.id === ui.session.value);
  ui.seatsLeft.textContent = session ? seatsText(session.seatsLeft) : '—';
}

/** The session running now or next: the last one started (or starting within 15 minutes), else the first. */
function currentSession(list: Session[]): Session {
  const soon = Date.now() + 15 * 60_000;
  const started = list.filter((s) => Date.parse(s.startsAt) <= soon);
  return started[started.length - 1] ?? list[0]!;
}

function renderSessions(): void {
  const chosen = ui.session.value;
  ui.session.replaceChildren();
  for (const s of sessions) {
    const option = document.createElement('option');
    option.value = s.id;
    option.textContent = `${time(s.startsAt)} — ${s.workshop.topic} (${seatsText(s.seatsLeft)} sur ${s.seats})`;
    ui.session.append(option);
  }
  if (sessions.some((s) => s.id === chosen)) ui.session.value = chosen;
  else if (sessions.length > 0) ui.session.value = currentSession(sessions).id;
  ui.session.disabled = sessions.length === 0;
  ui.sessionHelp.textContent = sessions.length === 0 ? 'Aucune séance programmée aujourd’hui dans ce lieu.' : '';
  showSeats();
}

function signedOut(message = ''): void {
  token = null;
  forgetToken();
  ui.counter.hidden = true;
  ui.signOut.hidden = true;
  ui.who.textContent = '';
  ui.signIn.hidden = false;
  ui.signInError.textContent = message;
  ui.token.value = '';
  ui.token.focus();
}

async function load(candidate: string, announce: boolean): Promise<void> {
  const claims = readClaims(candidate);
  if (!claims) return signedOut('Ce jeton n’est pas lisible : copiez-le en entier.');
  if (claims.role !== 'venue') return signedOut('Ce jeton n’est pas celui d’un lieu de médiation.');
  try {
    const data = await request<Counter>(candidate, counterOperation, { venueId: claims.organisationId, date: parisToday() });
    token = candidate;
    saveToken(candidate);
    sessions = data.venue.sessionsOn;
    ui.who.textContent = data.venue.commune ? `${data.venue.name} (${data.venue.commune})` : data.venue.name;
    ui.today.textContent = longToday();
    renderSessions();
    showMonth(data.venue.monthToDate);
    ui.signIn.hidden = true;
    ui.counter.hidden = false;
    ui.signOut.hidden = false;
    if (announce) ui.code.focus();
  } catch (err) {
    if (err instanceof ApiError && (err.failure === 'auth' || err.failure === 'forbidden')) return signedOut(err.message);
    ui.signIn.hidden = false;
    ui.signInError.textContent = err instanceof ApiError ? err.message : 'La page n’a pas pu se charger. Réessayez.';
  }
}

/** Checks the code in the browser with the hub's own check: a typo never leaves the counter. */
function typed(input: string): { code: string } | { refusal: string } {
  if (input.trim() === '') return { refusal: TYPING.empty };
  const canonical = normaliseCode(input);
  if (canonical === null) return { refusal: TYPING.malformed };
  if (!isValidCode(canonical)) return { refusal: TYPING.checkSymbol };
  if (codeKind(canonical) === 'book') return { refusal: TYPING.bookCode };
  return { code: canonical };
}

async function submit(): Promise<void> {
  if (inFlight || !token) return;
  const sessionId = ui.session.value;
  if (!sessionId) return say('refused', 'Pass non validé.', TYPING.noSession);
  const check = typed(ui.code.value);
  if ('refusal' in check) {
    say('refused', 'Pass non validé.', check.refusal);
    ui.code.focus();
    return;
  }
  if (!pending || pending.code !== check.code || pending.sessionId !== sessionId) {
    pending = { code: check.code, sessionId, key: newKey() };
  }
  const attempt = pending;
  inFlight = true;
  ui.redeem.disabled = true;
  ui.form.setAttribute('aria-busy', 'true');
  say('pending', `Vérification du Pass ${formatCode(attempt.code)}…`);
  try {
    const data = await request<RedeemAnswer>(token, redeemOperation, {
      input: { voucherCode: attempt.code, sessionId: attempt.sessionId, idempotencyKey: attempt.key },
    });
    // The hub answered: this attempt is settled, a new scan gets a new key.
    pending = null;
    const { redemption, error } = data.redeemVoucher;
    if (redemption) {
      say('accepted', `Pass accepté : ${euros(redemption.amountCents)}.`, `Code ${formatCode(redemption.voucher.code)}. Le lieu sera remboursé en fin de mois.`);
      const session = sessions.find((s) => s.id === redemption.session.id);
      if (session) session.seatsLeft = redemption.session.seatsLeft;
      renderSessions();
      showMonth(redemption.venue.monthToDate);
      ui.code.value = '';
    } else {
      say('refused', 'Pass refusé.', refusalMessage(error?.code ?? ''));
    }
  } catch (err) {
    const message = err instanceof ApiError ? err.message : 'Le service ne répond pas. Réessayez.';
    if (err instanceof ApiError && err.failure === 'auth') {
      pending = null;
      return signedOut(message);
    }
    // Not settled: the same code retried keeps the same key, so it cannot count twice.
    say('refused', 'Pass non validé pour l’instant.', `${message} Le même Pass ne sera jamais compté deux fois.`);
  } finally {
    inFlight = false;
    ui.redeem.disabled = false;
    ui.form.removeAttribute('aria-busy');
    ui.code.focus();
    ui.code.select();
  }
}

ui.signInForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const candidate = ui.token.value.trim();
  if (!candidate) {
    ui.signInError.textContent = 'Collez le jeton d’accès du lieu.';
    ui.token.focus();
    return;
  }
  void load(candidate, true);
});
ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  void submit();
});
ui.session.addEventListener('change', showSeats);
ui.signOut.addEventListener('click', () => signedOut());

const remembered = savedToken();
if (remembered) void load(remembered, true);
else signedOut();
