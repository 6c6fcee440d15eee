import { GeneratedImage, GenerationJob } from '../../models/index.js';
import { presentJob, type JobView } from '../../presenters/studio.js';
import { notFound } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';

/** Status of one of the caller's generation jobs; another user's job is a 404. */
export async function getJob(p: Principal, jobId: string): Promise<JobView> {
  const job = await GenerationJob.findOne({ where: { id: jobId, userId: p.userId, tenantId: p.tenantId } });
  if (!job) throw notFound('job');
  const view = presentJob(job);
  if (job.status === 'succeeded') {
    // A creation deleted after (or while) it was made has no files any more: no dead links.
    const image = await GeneratedImage.findByPk(job.imageId, { attributes: ['deletedAt'] });
    if (image?.deletedAt) return { ...view, imageUrl: undefined, thumbnailUrl: undefined, deleted: true };
  }
  return view;
}
