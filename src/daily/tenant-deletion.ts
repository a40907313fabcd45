import { log } from '../log.ts';
import type { StudyStore } from '../store/store.ts';

/**
 * The deletion of a workspace's data once its grace period after removing the app is over
 * (src/app/your-data.ts records it). Each scheduler pass deletes up to `maxDeletes` items, so a
 * large workspace takes a few passes and no pass runs long; what is left is found again next time.
 */
export interface TenantDeletionSummary {
  tenants: number;
  deleted: number;
  finished: number;
}

export async function runTenantDeletions(
  store: StudyStore,
  now: Date,
  options: { maxDeletes?: number; maxTenants?: number } = {},
): Promise<TenantDeletionSummary> {
  const summary: TenantDeletionSummary = { tenants: 0, deleted: 0, finished: 0 };
  let budget = options.maxDeletes ?? 2000;
  for (const due of await store.dueTenantDeletions(now, options.maxTenants ?? 5)) {
    if (budget <= 0) break;
    summary.tenants++;
    const { deleted, done } = await store.deleteTenantData(due, budget);
    budget -= deleted;
    summary.deleted += deleted;
    if (done) {
      summary.finished++;
      log.info('daily: a removed workspace’s data is deleted', {
        platform: due.platform,
        tenantId: due.tenantId,
        reason: due.reason,
        deleted,
      });
    }
  }
  return summary;
}
