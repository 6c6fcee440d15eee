import { Op } from 'sequelize';
import { addRouter } from '../app.js';
import { defineJob, type JobQueue } from '../jobs/queue.js';
import { noData } from '../jobs/definition.js';
import { PostScoreHistory } from '../models/index.js';
import { publicImagesRouter } from './public-images.js';
import { CURSOR_MAX_AGE_MS } from '../operations/community/feed.js';

const pruneScoreHistoryJob = defineJob({
  name: 'community:prune-score-history',
  parse: noData,
  async handler() {
    await PostScoreHistory.destroy({ where: { changedAt: { [Op.lt]: new Date(Date.now() - 2 * CURSOR_MAX_AGE_MS) } } });
  },
});

/** Community module: public post images, and pruning of score history older than any live trending cursor. */
export async function initCommunity(queue: JobQueue) {
  addRouter(publicImagesRouter());
  queue.define(pruneScoreHistoryJob);
  await queue.every('1 hour', pruneScoreHistoryJob, {});
}
