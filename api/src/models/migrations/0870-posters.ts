import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Poster composer: a poster row ties the poster's own creation (a generated_images row, image_id) to the source image it
 * was composed over; brand kits hold a user's colours, font and (sanitised PNG) logo.
 */
const str = (n = 191, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });
const date = () => ({ type: DataTypes.DATE(3), allowNull: false });

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('posters', {
    id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false }, tenant_id: str(40), user_id: str(40), image_id: str(40),
    source_image_id: str(40), layout: str(32), format: str(16), text: { type: DataTypes.TEXT, allowNull: false }, brand_kit_id: str(40, true),
    qr: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false }, created_at: date(),
  });
  await qi.addIndex('posters', ['image_id'], { unique: true, name: 'posters_image_uq' });
  await qi.addIndex('posters', ['source_image_id'], { name: 'posters_source_idx' });

  await qi.createTable('brand_kits', {
    id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false }, tenant_id: str(40), user_id: str(40), name: str(60),
    colors: { type: DataTypes.TEXT, allowNull: false }, font: str(32), logo_key: str(255, true), created_at: date(), updated_at: date(),
  });
  await qi.addIndex('brand_kits', ['tenant_id', 'user_id', 'created_at'], { name: 'brand_kits_user_idx' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('brand_kits');
  await qi.dropTable('posters');
}
