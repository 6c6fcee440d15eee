/**
 * A job worker process for the backend's multi-process tests: its own Sequelize connection and Agenda over the
 * SQL backend (with Redis wake-ups when WAKE_REDIS_URL is set). Its one job type records each run in job_runs,
 * whose primary key is the job id: a second run of a job fails to insert, and the worker reports it. Prints
 * READY once started; on SIGTERM stops and exits.
 * Test-only: lives under api/test and is never reachable from the app.
 */
import { Agenda } from 'agenda';
import { Sequelize } from 'sequelize';
import { SequelizeBackend, tuneSqliteForJobs } from '../../../src/jobs/sql-backend/index.js';

const url = process.env.DB_URL!;
const name = process.env.WORKER_NAME!;
const sequelize = url.startsWith('sqlite:')
  ? new Sequelize({ dialect: 'sqlite', storage: url.slice('sqlite:'.length), logging: false })
  : new Sequelize(url, { logging: false, pool: { max: 4 } });
if (url.startsWith('sqlite:')) await tuneSqliteForJobs(sequelize);
const wakeUrl = process.env.WAKE_REDIS_URL;
const backend = new SequelizeBackend({ sequelize, wake: wakeUrl ? { url: wakeUrl, channel: process.env.WAKE_CHANNEL! } : undefined });
const agenda = new Agenda({ backend, name, processEvery: Number(process.env.PROCESS_EVERY || 100), defaultConcurrency: 8, maxConcurrency: 16 });
const report = (line: string) => process.stdout.write(`${line}\n`);
agenda.on('error', (error: Error) => report(`ERROR ${error.message}`));
agenda.define('unique-run', async (job) => {
  try {
    await sequelize.query('INSERT INTO job_runs (job_id, worker) VALUES (:id, :w)', { replacements: { id: String(job.attrs._id), w: name } });
    report(`RAN ${String(job.attrs._id)}`);
  } catch (error) {
    report(`TWICE ${String(job.attrs._id)} ${(error as Error).message}`);
  }
});
await agenda.start();
report('READY');
process.on('SIGTERM', () => {
  void agenda.stop().finally(() => backend.close()).finally(() => sequelize.close()).finally(() => process.exit(0));
});
