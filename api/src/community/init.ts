import { Op } from 'sequelize';
import type { AppContext } from '../context.js';
import { PostScoreHistory } from '../models/index.js';
import { publicImagesRouter } from './public-images.js';
import { CURSOR_MAX_AGE_MS } from './feed-cursor.js';

/** Community module: public post images, and pruning of score history older than any live trending cursor. */
export async function initCommunity(ctx: AppContext) {
  ctx.routers.push(publicImagesRouter());
  ctx.queue.define('community:prune-score-history', async () => {
    await PostScoreHistory.destroy({ where: { changedAt: { [Op.lt]: new Date(Date.now() - 2 * CURSOR_MAX_AGE_MS) } } });
  });
  await ctx.queue.every('1 hour', 'community:prune-score-history');
}
