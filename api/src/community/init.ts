import { Op } from 'sequelize';
import type { AppContext } from '../context.js';
import { defineJob } from '../jobs/queue.js';
import { noData } from '../jobs/definition.js';
import { PostScoreHistory } from '../models/index.js';
import { publicImagesRouter } from './public-images.js';
import { CURSOR_MAX_AGE_MS } from './feed-cursor.js';

const pruneScoreHistoryJob = defineJob({
  name: 'community:prune-score-history',
  parse: noData,
  async handler() {
    await PostScoreHistory.destroy({ where: { changedAt: { [Op.lt]: new Date(Date.now() - 2 * CURSOR_MAX_AGE_MS) } } });
  },
});

/** Community module: public post images, and pruning of score history older than any live trending cursor. */
export async function initCommunity(ctx: AppContext) {
  ctx.routers.push(publicImagesRouter());
  ctx.queue.define(pruneScoreHistoryJob);
  await ctx.queue.every('1 hour', pruneScoreHistoryJob, {});
}
