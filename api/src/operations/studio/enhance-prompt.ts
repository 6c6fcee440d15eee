import { AppError, invalid } from '../../errors.js';
import { Category, Template } from '../../models/index.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { consume } from '../../util/rate-limit.js';
import { checkPrompt } from '../../providers/content-policy.js';
import { validatePrompt } from '../../studio/prompt.js';
import { services } from '../../context.js';
import type { Principal } from '../../auth/principal.js';

export async function enhancePrompt(p: Principal, body: { prompt: string; templateId?: string }) {
  const config = await getTenantConfig(p.tenantId);
  const prompt = validatePrompt(body.prompt, config);
  await consume('enhance', `${p.tenantId}:${p.userId}`, config.limits.enhancePerMinute, 60);
  let categoryStyle: string | undefined;
  let templatePrompt: string | undefined;
  if (body.templateId !== undefined) {
    const t = await Template.findOne({ where: { id: body.templateId, tenantId: p.tenantId, isActive: true } });
    if (!t) throw invalid('templateId', 'no active template has this id');
    templatePrompt = t.promptText;
    const c = await Category.findOne({ where: { id: t.categoryId, tenantId: p.tenantId } });
    categoryStyle = c?.style ?? undefined;
  }
  const policy = checkPrompt(prompt, (await getTenantConfig(p.tenantId)).moderation.blockedTerms);
  if (!policy.ok) throw new AppError('content_policy_violation', `The prompt is not allowed: ${policy.reason}.`, { terms: policy.terms });
  const enhancer = await services().providers.enhancerFor(p.tenantId);
  const out = await enhancer.enhance({ prompt, categoryStyle, templatePrompt });
  return { enhancedPrompt: out.enhancedPrompt, suggestions: out.suggestions, enhancer: enhancer.name };
}
