export {
  CODE_ALPHABET,
  CODE_LENGTH,
  CODE_PREFIXES,
  codeKind,
  formatCode,
  isValidCode,
  normaliseCode,
  symbolValue,
  weightedSymbol,
  type CodeKind,
} from './voucher-code-check';
