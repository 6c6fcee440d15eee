import { Op } from 'sequelize';
import { addRouter } from '../app.js';
import type { JobQueue } from '../jobs/queue.js';
import { PostScoreHistory } from '../models/index.js';
import { publicImagesRouter } from './public-images.js';
import { CURSOR_MAX_AGE_MS } from './feed-cursor.js';

/** Community module: public post images, and pruning of score history older than any live trending cursor. */
export async function initCommunity(queue: JobQueue) {
  addRouter(publicImagesRouter());
  queue.define('community:prune-score-history', async () => {
    await PostScoreHistory.destroy({ where: { changedAt: { [Op.lt]: new Date(Date.now() - 2 * CURSOR_MAX_AGE_MS) } } });
  });
  await queue.every('1 hour', 'community:prune-score-history');
}
