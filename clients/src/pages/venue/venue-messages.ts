/**
 * What the counter says for each typed refusal, in plain French. The hub's own message is never
 * shown: it is English and written for developers.
 */
export const REFUSALS: Record<string, string> = {
  VOUCHER_NOT_FOUND: 'Aucun Pass ne porte ce code. Vérifiez la saisie.',
  VOUCHER_CODE_MISTYPED: 'Code mal saisi : le caractère de contrôle ne correspond pas. Vérifiez la saisie.',
  VOUCHER_ALREADY_REDEEMED: 'Pass déjà utilisé : il a été enregistré lors d’un atelier précédent.',
  VOUCHER_EXPIRED: 'Pass expiré : la période de validité de son programme est terminée.',
  BOOK_NOT_HANDED_OUT: 'Ce Pass n’a pas encore été remis à un bénéficiaire par un aidant.',
  VENUE_NOT_QUALIFIED: 'Votre lieu n’est pas habilité pour le programme de ce Pass.',
  OUTSIDE_TERRITORY: 'Ce Pass n’est pas valable sur le territoire de votre lieu.',
  SESSION_NOT_FOUND: 'Séance introuvable : rechargez la page.',
  SESSION_OF_ANOTHER_VENUE: 'Cette séance appartient à un autre lieu.',
  SESSION_FULL: 'Séance complète : toutes les places sont prises.',
  BOOK_ALREADY_USED_IN_SESSION: 'Un Pass du même carnet a déjà été utilisé pour cette séance.',
  IDEMPOTENCY_KEY_REUSED: 'Cette demande a déjà été envoyée avec un autre code : saisissez de nouveau le Pass.',
};

export const refusalMessage = (code: string): string => REFUSALS[code] ?? 'Pass refusé par le service.';

/** Caught in the browser, before any request. */
export const TYPING = {
  empty: 'Saisissez ou scannez le code du Pass.',
  malformed: 'Code incomplet ou caractère non valide : un code compte 14 caractères et commence par V.',
  checkSymbol: 'Code mal saisi : le caractère de contrôle ne correspond pas. Vérifiez chaque caractère.',
  bookCode: 'C’est le code du carnet, pas celui d’un Pass : scannez un des Pass du carnet.',
  noSession: 'Choisissez d’abord la séance.',
};
