/** Money is integer paise inside; the API shows rupees (4.5). */
export const rupees = (paise: number) => paise / 100;
