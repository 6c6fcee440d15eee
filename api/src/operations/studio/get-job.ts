import { GeneratedImage, GenerationJob } from '../../models/index.js';
import { presentJob, type JobView } from '../../presenters/studio.js';
import { notFound } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';

/** Status of one of the caller's generation jobs, with every image it makes (issue 14); another user's job is a 404. */
export async function getJob(p: Principal, jobId: string): Promise<JobView> {
  const job = await GenerationJob.findOne({ where: { id: jobId, userId: p.userId, tenantId: p.tenantId } });
  if (!job) throw notFound('job');
  const ids = job.request.imageIds?.length ? job.request.imageIds : [job.imageId];
  const images = await GeneratedImage.findAll({ where: { id: ids, tenantId: p.tenantId } });
  const view = presentJob(job, images);
  if (job.status === 'succeeded' && !view.images.some((i) => i.status === 'succeeded')) {
    // Every creation deleted after (or while) it was made has no files any more: no dead links.
    return { ...view, imageUrl: undefined, thumbnailUrl: undefined, deleted: true };
  }
  return view;
}
