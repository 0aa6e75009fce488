/**
 * The portal formats money, energy and dates with the same Intl helpers as the back office (one
 * implementation: minor units are never divided as floats, R1).
 */
export {
  formatDateTime,
  formatEnergy,
  formatMoney,
  parseMoneyToMinor,
} from "../../routes/system/shared/format";
