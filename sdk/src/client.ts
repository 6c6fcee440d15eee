import { HttpCore, type ClientOptions } from './core.js';
import { Admin } from './resources/admin.js';
import { Community } from './resources/community.js';
import { Creations } from './resources/creations.js';
import { Credits } from './resources/credits.js';
import { Notifications } from './resources/notifications.js';
import { BrandKits, Posters } from './resources/posters.js';
import { Me } from './resources/me.js';
import { Referrals } from './resources/referrals.js';
import { Remix } from './resources/remix.js';
import { Studio } from './resources/studio.js';

/**
 * The Community AI Studio API client.
 *
 * ```ts
 * const client = new StudioClient({ baseUrl: 'https://studio.example.com', getToken: () => myJwt() });
 * const { jobId } = await client.studio.generate({ prompt: 'a fox', tier: 'standard' });
 * const job = await client.studio.waitForJob(jobId, { onProgress: (j) => console.log(j.progress) });
 * ```
 */
export class StudioClient {
  readonly studio: Studio;
  readonly creations: Creations;
  readonly community: Community;
  readonly remix: Remix;
  readonly credits: Credits;
  readonly referrals: Referrals;
  readonly notifications: Notifications;
  readonly posters: Posters;
  readonly brandKits: BrandKits;
  /** The caller's own data: export, erasure, consents. */
  readonly me: Me;
  readonly admin: Admin;
  /** The transport; exposed for advanced use such as calling an operation by name. */
  readonly http: HttpCore;

  constructor(options: ClientOptions) {
    this.http = new HttpCore(options);
    this.studio = new Studio(this.http);
    this.creations = new Creations(this.http);
    this.community = new Community(this.http);
    this.remix = new Remix(this.http);
    this.credits = new Credits(this.http);
    this.referrals = new Referrals(this.http);
    this.notifications = new Notifications(this.http);
    this.posters = new Posters(this.http);
    this.brandKits = new BrandKits(this.http);
    this.me = new Me(this.http);
    this.admin = new Admin(this.http);
  }

  /** A new client sharing nothing with this one but the options it overrides. */
  withOptions(options: Partial<ClientOptions>): StudioClient {
    return new StudioClient({ ...this.http.options, ...options });
  }
}
