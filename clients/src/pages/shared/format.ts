/** French display of the API's integers: cents as euros, instants in Paris time. */
const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const COUNT = new Intl.NumberFormat('fr-FR');
const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
const TIME_SECONDS = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const LONG_DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const ISO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });

export const euros = (cents: number): string => EUROS.format(cents / 100);
export const count = (n: number): string => COUNT.format(n);
export const time = (iso: string): string => TIME.format(new Date(iso));
export const timeWithSeconds = (iso: string): string => TIME_SECONDS.format(new Date(iso));
/** A LocalDate (YYYY-MM-DD) as "5 janv.". */
export const shortDay = (day: string): string => DAY.format(new Date(`${day}T00:00:00Z`));
export const longToday = (): string => LONG_DAY.format(new Date());
/** Today in Paris, YYYY-MM-DD: the venue's working day. */
export const parisToday = (): string => ISO_DAY.format(new Date());

/** Creates an element with text; the pages never build HTML from strings (no injection). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element as T;
}
