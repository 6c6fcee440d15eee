import crypto from 'node:crypto';

/** LearnLoop's own user directory: four demo accounts, plus whoever signs up while the process runs. */
export interface SiteUser { sub: string; name: string; email: string; role: 'admin' | 'user'; blurb: string }

export const DEMO_USERS: SiteUser[] = [
  { sub: 'alice', name: 'Alice Rao', email: 'alice@learnloop.example', role: 'user', blurb: 'Affiliate marketing track, week 6' },
  { sub: 'bob', name: 'Bob Mehta', email: 'bob@learnloop.example', role: 'user', blurb: 'Social media ads track, week 2' },
  { sub: 'carol', name: 'Carol Dsouza', email: 'carol@learnloop.example', role: 'user', blurb: 'Content creator track, week 9' },
  { sub: 'admin', name: 'Asha (Admin)', email: 'admin@learnloop.example', role: 'admin', blurb: 'LearnLoop staff: studio settings and moderation' },
];

const signedUp = new Map<string, SiteUser>();

export function findUser(sub: string): SiteUser | undefined {
  return DEMO_USERS.find((u) => u.sub === sub) ?? signedUp.get(sub);
}

/** A new learner: the sub is the partner's own stable user id, never reused for someone else. */
export function signUp(name: string, email: string | undefined): SiteUser {
  const clean = name.replace(/\s+/g, ' ').trim().slice(0, 60);
  const slug = clean.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 24) || 'learner';
  const sub = `${slug}-${crypto.randomBytes(3).toString('hex')}`;
  const user: SiteUser = { sub, name: clean, email: email?.trim().slice(0, 120) || `${sub}@learnloop.example`, role: 'user', blurb: 'New learner' };
  signedUp.set(sub, user);
  return user;
}
