export { SequelizeBackend } from './sequelize-backend.js';
export type { SequelizeBackendOptions } from './sequelize-backend.js';
export { SequelizeJobRepository } from './sequelize-job-repository.js';
export type { SequelizeJobRepositoryOptions } from './sequelize-job-repository.js';
export { tuneSqliteForJobs } from './sqlite-tuning.js';
