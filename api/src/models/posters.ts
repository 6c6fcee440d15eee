import { DataTypes, Model, type Sequelize } from 'sequelize';

/** Poster composer tables (migrations/0870-posters.ts is the source of truth for columns). */
export interface BrandColors { primary: string; secondary: string; text: string }

/** A composed poster: its own creation (image_id, a generated_images row) over a source image. */
export class Poster extends Model {
  declare id: string; declare tenantId: string; declare userId: string; declare imageId: string; declare sourceImageId: string;
  declare layout: string; declare format: string; declare text: Record<string, string>; declare brandKitId: string | null; declare qr: boolean;
  declare createdAt: Date;
}
export class BrandKit extends Model {
  declare id: string; declare tenantId: string; declare userId: string; declare name: string; declare colors: BrandColors; declare font: string;
  declare logoKey: string | null; declare createdAt: Date; declare updatedAt: Date;
}

const json = (name: string) => ({
  type: DataTypes.TEXT,
  get(this: Model) { const v = this.getDataValue(name as never) as unknown as string | null; return v == null ? null : JSON.parse(v); },
  set(this: Model, v: unknown) { this.setDataValue(name as never, (v == null ? null : JSON.stringify(v)) as never); },
});

export function initPosterModels(sequelize: Sequelize) {
  const S = (n = 191) => ({ type: DataTypes.STRING(n) });
  const opts = (tableName: string, extra: object = {}) => ({ sequelize, tableName, underscored: true, ...extra });
  Poster.init({
    id: { type: DataTypes.STRING(40), primaryKey: true }, tenantId: S(40), userId: S(40), imageId: S(40), sourceImageId: S(40), layout: S(32), format: S(16),
    text: json('text'), brandKitId: S(40), qr: DataTypes.BOOLEAN,
  }, opts('posters', { updatedAt: false }));
  BrandKit.init({
    id: { type: DataTypes.STRING(40), primaryKey: true }, tenantId: S(40), userId: S(40), name: S(60), colors: json('colors'), font: S(32), logoKey: S(255),
  }, opts('brand_kits'));
}
