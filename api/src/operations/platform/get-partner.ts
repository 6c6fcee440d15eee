import { presentPartner, type PartnerView } from '../../presenters/partner.js';
import { mustFindPartner } from './partner-store.js';

export async function getPartner(id: string): Promise<PartnerView> {
  return presentPartner(await mustFindPartner(id));
}
