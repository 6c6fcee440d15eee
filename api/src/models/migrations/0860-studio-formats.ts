import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Formats and variations (issue 14, studio): each creation's format; a job's fallback (which provider failed when
 * the fallback drew it) and the millicredits it gave back at settlement (partial failures, fallback pricing);
 * a template's default format.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('generated_images', 'format', { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'square' });
  await qi.addColumn('generation_jobs', 'fallback_from', { type: DataTypes.STRING(32), allowNull: true });
  await qi.addColumn('generation_jobs', 'refund_milli', { type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 });
  await qi.addColumn('image_templates', 'default_format', { type: DataTypes.STRING(16), allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('image_templates', 'default_format');
  await qi.removeColumn('generation_jobs', 'refund_milli');
  await qi.removeColumn('generation_jobs', 'fallback_from');
  await qi.removeColumn('generated_images', 'format');
}
