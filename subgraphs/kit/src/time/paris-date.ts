// The one Paris-date helper lives in @pass/contracts, so the browser pages run the very same code.
export { parisDateParts, parisDayOf, parisMonthOf, parisYearOf, type ParisDate } from '@pass/contracts';
