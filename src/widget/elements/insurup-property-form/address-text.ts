/** How an address reads on screen: "Caferağa Mahallesi, Moda Caddesi No: 12, Daire 3" and "Kadıköy / İstanbul". */
import type { Address } from '../../../contract/properties.js';

/** The street part: neighbourhood, street, building and flat. */
export function addressLine(address: Address): string {
  return [address.neighborhood.text, address.street.text, address.building.text, address.apartment.text]
    .filter(Boolean)
    .join(', ');
}

/** The district and province. */
export function addressArea(address: Address): string {
  return `${address.district.text} / ${address.city.text}`;
}

export function addressText(address: Address): string {
  return `${addressLine(address)}, ${addressArea(address)}`;
}
