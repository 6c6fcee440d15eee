import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * The core schema: tenants, identity, wallet + ledger, studio, community, payments, referrals, admin.
 * Every tenant-owned table carries tenant_id; ids are opaque strings made by the application.
 * Credits are BIGINT millicredits; money is INTEGER paise.
 */
const id = () => ({ type: DataTypes.STRING(40), primaryKey: true, allowNull: false });
const str = (n = 191, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });
const text = (allowNull = true) => ({ type: DataTypes.TEXT, allowNull });
const bigint = (def = 0) => ({ type: DataTypes.BIGINT, allowNull: false, defaultValue: def });
const int = (def = 0) => ({ type: DataTypes.INTEGER, allowNull: false, defaultValue: def });
const bool = (def = false) => ({ type: DataTypes.BOOLEAN, allowNull: false, defaultValue: def });
const date = (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull });
const stamps = () => ({ created_at: date(), updated_at: date() });
const tenant = () => ({ tenant_id: str(40) });

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('tenants', {
    id: id(), slug: str(64), name: str(191), publishable_key: str(64),
    jwt_algorithm: { ...str(8), defaultValue: 'HS256' }, jwt_secret_enc: text(), jwt_public_key: text(), jwks_uri: str(500, true),
    jwt_issuer: str(191, true), jwt_audience: str(191, true), site_url: str(500, true), ...stamps(),
  });
  await qi.addIndex('tenants', ['slug'], { unique: true, name: 'tenants_slug_uq' });
  await qi.addIndex('tenants', ['publishable_key'], { unique: true, name: 'tenants_pk_uq' });

  await qi.createTable('tenant_configs', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, ...tenant(), version: int(1),
    config: text(false), created_by: str(191, true), note: str(500, true), created_at: date(),
  });
  await qi.addIndex('tenant_configs', ['tenant_id', 'version'], { unique: true, name: 'tenant_configs_version_uq' });

  await qi.createTable('users', {
    id: id(), ...tenant(), sub: str(191), name: str(191, true), email: str(191, true), role: { ...str(16), defaultValue: 'user' },
    referral_code: str(16), referred_by_user_id: str(40, true), referral_claimed_at: date(true), device_id: str(128, true),
    signup_ip: str(64, true), last_ip: str(64, true), price_band: str(8, true), is_paying: bool(), first_purchase_at: date(true),
    first_generation_at: date(true), generation_count: int(), last_active_at: date(true), ...stamps(),
  });
  await qi.addIndex('users', ['tenant_id', 'sub'], { unique: true, name: 'users_tenant_sub_uq' });
  await qi.addIndex('users', ['tenant_id', 'referral_code'], { unique: true, name: 'users_tenant_code_uq' });
  await qi.addIndex('users', ['referred_by_user_id'], { name: 'users_referrer_idx' });
  await qi.addIndex('users', ['tenant_id', 'created_at'], { name: 'users_tenant_created_idx' });

  await qi.createTable('wallets', {
    user_id: { ...str(40), primaryKey: true }, ...tenant(), balance: bigint(), spent_month: str(7, true), spent_in_month: bigint(),
    updated_at: date(),
  });

  await qi.createTable('credit_ledger', {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true }, ...tenant(), user_id: str(40), delta: { type: DataTypes.BIGINT, allowNull: false },
    balance_after: { type: DataTypes.BIGINT, allowNull: false }, reason: str(16), ref_type: str(24), ref_id: str(64), note: str(500, true),
    created_at: date(),
  });
  // One movement per (reason, referenced thing): a job is refunded once, an order credited once, a reward paid once.
  await qi.addIndex('credit_ledger', ['reason', 'ref_type', 'ref_id'], { unique: true, name: 'ledger_reason_ref_uq' });
  await qi.addIndex('credit_ledger', ['user_id', 'id'], { name: 'ledger_user_idx' });
  await qi.addIndex('credit_ledger', ['tenant_id', 'created_at'], { name: 'ledger_tenant_created_idx' });

  await qi.createTable('idempotency_keys', {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true }, ...tenant(), user_id: str(40), idem_key: str(191),
    route: str(64), request_hash: str(64), response_status: int(0), response_body: text(), created_at: date(), expires_at: date(),
  });
  await qi.addIndex('idempotency_keys', ['user_id', 'idem_key'], { unique: true, name: 'idem_user_key_uq' });
  await qi.addIndex('idempotency_keys', ['expires_at'], { name: 'idem_expires_idx' });

  await qi.createTable('image_categories', {
    id: id(), ...tenant(), name: str(100), slug: str(100), description: str(500, true), style: str(500, true), display_order: int(),
    is_active: bool(true), ...stamps(),
  });
  await qi.addIndex('image_categories', ['tenant_id', 'is_active', 'display_order'], { name: 'categories_order_idx' });
  await qi.addIndex('image_categories', ['tenant_id', 'slug'], { unique: true, name: 'categories_slug_uq' });

  await qi.createTable('image_templates', {
    id: id(), ...tenant(), category_id: str(40), title: str(150), prompt_text: text(false), description: str(500, true),
    default_tier: { ...str(16), defaultValue: 'standard' }, display_order: int(), is_active: bool(true), created_by: str(40, true), ...stamps(),
  });
  await qi.addIndex('image_templates', ['tenant_id', 'category_id', 'is_active', 'display_order'], { name: 'templates_cat_idx' });

  await qi.createTable('generation_jobs', {
    id: id(), ...tenant(), user_id: str(40), image_id: str(40), status: str(16), progress: int(), attempts: int(), max_attempts: int(3),
    error_code: str(64, true), error_message: str(500, true), worker_token: str(64, true), heartbeat_at: date(true), cost: bigint(),
    refunded: bool(), request: text(false), provider: str(32, true), started_at: date(true), finished_at: date(true), ...stamps(),
  });
  await qi.addIndex('generation_jobs', ['status', 'updated_at'], { name: 'jobs_status_idx' });
  await qi.addIndex('generation_jobs', ['user_id', 'created_at'], { name: 'jobs_user_idx' });

  await qi.createTable('generated_images', {
    id: id(), ...tenant(), user_id: str(40), job_id: str(40), template_id: str(40, true), prompt_text: text(false), tier: str(16),
    width: int(), height: int(), provider: str(32, true), status: str(16), watermark: bool(true), storage_key: str(255, true),
    thumb_key: str(255, true), public_key: str(255, true), credits_spent: bigint(), billable: bool(true), published_post_id: str(40, true),
    deleted_at: date(true), ...stamps(),
  });
  await qi.addIndex('generated_images', ['user_id', 'created_at', 'id'], { name: 'images_user_created_idx' });
  await qi.addIndex('generated_images', ['job_id'], { name: 'images_job_idx' });

  await qi.createTable('community_posts', {
    id: id(), ...tenant(), image_id: str(40), user_id: str(40), title: str(120), category_id: str(40), tags: text(false),
    prompt_text: text(false), likes_count: int(), reuse_count: int(), reward_total: bigint(), visibility: str(16), is_hidden: bool(),
    is_deleted: bool(), listed: bool(), trending_score: { type: DataTypes.DOUBLE, allowNull: false, defaultValue: 0 },
    watermark: bool(true), hidden_reason: str(191, true), ...stamps(),
  });
  await qi.addIndex('community_posts', ['image_id'], { unique: true, name: 'posts_image_uq' });
  await qi.addIndex('community_posts', ['tenant_id', 'listed', 'created_at', 'id'], { name: 'posts_latest_idx' });
  await qi.addIndex('community_posts', ['tenant_id', 'listed', 'trending_score', 'id'], { name: 'posts_trending_idx' });
  await qi.addIndex('community_posts', ['tenant_id', 'listed', 'category_id', 'created_at', 'id'], { name: 'posts_cat_latest_idx' });
  await qi.addIndex('community_posts', ['tenant_id', 'listed', 'category_id', 'trending_score', 'id'], { name: 'posts_cat_trending_idx' });
  await qi.addIndex('community_posts', ['user_id', 'created_at'], { name: 'posts_user_idx' });

  await qi.createTable('post_likes', { id: id(), ...tenant(), post_id: str(40), user_id: str(40), created_at: date() });
  await qi.addIndex('post_likes', ['post_id', 'user_id'], { unique: true, name: 'likes_post_user_uq' });
  await qi.addIndex('post_likes', ['user_id', 'post_id'], { name: 'likes_user_idx' });

  await qi.createTable('post_reports', {
    id: id(), ...tenant(), post_id: str(40), user_id: str(40), reason: str(32), details: str(1000, true), status: str(16),
    open_key: str(100, true), acted_by: str(40, true), action: str(16, true), ...stamps(),
  });
  // open_key is "post:user" while open and NULL once closed: one open report per user and post.
  await qi.addIndex('post_reports', ['open_key'], { unique: true, name: 'reports_open_uq' });
  await qi.addIndex('post_reports', ['tenant_id', 'status', 'post_id'], { name: 'reports_status_idx' });

  await qi.createTable('remix_opens', { id: id(), ...tenant(), post_id: str(40), user_id: str(40), created_at: date() });
  await qi.addIndex('remix_opens', ['post_id', 'user_id', 'created_at'], { name: 'remix_opens_idx' });

  await qi.createTable('prompt_reuse_events', {
    id: id(), ...tenant(), source_post_id: str(40), remixer_user_id: str(40), remixed_image_id: str(40), creator_user_id: str(40),
    rewarded: bool(), reward_credits: bigint(), reward_day: str(10, true), created_at: date(),
  });
  await qi.addIndex('prompt_reuse_events', ['source_post_id', 'remixer_user_id', 'remixed_image_id'], { unique: true, name: 'reuse_uq' });
  await qi.addIndex('prompt_reuse_events', ['remixed_image_id'], { unique: true, name: 'reuse_image_uq' });
  await qi.addIndex('prompt_reuse_events', ['creator_user_id', 'reward_day'], { name: 'reuse_creator_day_idx' });

  await qi.createTable('referral_events', {
    id: id(), ...tenant(), referrer_user_id: str(40), referee_user_id: str(40, true), type: str(24), credits_awarded: bigint(),
    beneficiary_user_id: str(40), status: str(16), hold_reason: str(191, true), unique_key: str(120), reviewed_by: str(40, true), ...stamps(),
  });
  await qi.addIndex('referral_events', ['unique_key'], { unique: true, name: 'referral_unique_uq' });
  await qi.addIndex('referral_events', ['tenant_id', 'status'], { name: 'referral_status_idx' });
  await qi.addIndex('referral_events', ['referrer_user_id', 'type'], { name: 'referral_referrer_idx' });

  await qi.createTable('orders', {
    id: id(), ...tenant(), user_id: str(40), gateway: str(16), gateway_order_id: str(64, true), amount_paise: int(), currency: str(3),
    credits: bigint(), pack_id: str(40, true), quantity: int(), price_band: str(8, true), status: str(16), payment_id: str(64, true),
    paid_at: date(true), failure_reason: str(255, true), ...stamps(),
  });
  await qi.addIndex('orders', ['user_id', 'created_at'], { name: 'orders_user_idx' });
  await qi.addIndex('orders', ['gateway_order_id'], { name: 'orders_gateway_idx' });
  await qi.addIndex('orders', ['status', 'created_at'], { name: 'orders_status_idx' });

  await qi.createTable('payment_events', {
    id: str(100), ...tenant(), gateway: str(16), type: str(64), order_id: str(40, true), payload: text(), received_at: date(),
  });
  await qi.addIndex('payment_events', ['gateway', 'id'], { unique: true, name: 'payment_events_uq' });

  await qi.createTable('admin_provider_keys', {
    id: id(), ...tenant(), provider_name: str(32), key_alias: str(64), encrypted_value: text(false), last_four: str(4),
    endpoint: str(500, true), model: str(100, true), purpose: str(16), is_active: bool(true), rotated_at: date(true),
    updated_by: str(191, true), ...stamps(),
  });
  await qi.addIndex('admin_provider_keys', ['tenant_id', 'provider_name'], { name: 'provider_keys_idx' });

  await qi.createTable('audit_log', {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true }, ...tenant(), actor_user_id: str(40, true), actor_sub: str(191, true),
    action: str(64), target_type: str(32, true), target_id: str(64, true), note: str(1000, true), data: text(), created_at: date(),
  });
  await qi.addIndex('audit_log', ['tenant_id', 'id'], { name: 'audit_tenant_idx' });
  await qi.addIndex('audit_log', ['tenant_id', 'action', 'id'], { name: 'audit_action_idx' });

  await qi.createTable('notifications', {
    id: id(), ...tenant(), user_id: str(40), type: str(32), title: str(191), body: str(1000, true), data: text(), read_at: date(true),
    created_at: date(),
  });
  await qi.addIndex('notifications', ['user_id', 'created_at', 'id'], { name: 'notifications_user_idx' });

  await qi.createTable('analytics_events', {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true }, ...tenant(), user_id: str(40, true), name: str(64),
    props: text(), created_at: date(),
  });
  await qi.addIndex('analytics_events', ['tenant_id', 'name', 'created_at'], { name: 'analytics_name_idx' });
  await qi.addIndex('analytics_events', ['tenant_id', 'created_at'], { name: 'analytics_created_idx' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  for (const t of ['analytics_events', 'notifications', 'audit_log', 'admin_provider_keys', 'payment_events', 'orders', 'referral_events',
    'prompt_reuse_events', 'remix_opens', 'post_reports', 'post_likes', 'community_posts', 'generated_images', 'generation_jobs',
    'image_templates', 'image_categories', 'idempotency_keys', 'credit_ledger', 'wallets', 'users', 'tenant_configs', 'tenants']) {
    await qi.dropTable(t);
  }
}
