/**
 * On time or late, and which submission counts. Pure. The instant compared is the server clock
 * when the last byte was durably stored; the deadline is a whole second (the tender's deadline),
 * so a submission sealed at 12:00:00.000 for a 12:00:00 deadline is on time and one sealed at
 * 12:00:00.001 is late — "one second late" is a fortiori late.
 */
export function isLate(sealedAt: Date, deadline: Date): boolean {
  return sealedAt.getTime() > deadline.getTime();
}

export type SubmissionStanding = 'counts' | 'superseded' | 'late';

/**
 * Every submission of a tender with its standing: for each company the last on-time one counts,
 * its earlier ones are superseded, and late ones stay late (kept, never opened).
 */
export function standings<S extends { id: string; companyId: string; sealedAt: Date; late: boolean }>(
  submissions: readonly S[],
): Map<string, SubmissionStanding> {
  const result = new Map<string, SubmissionStanding>();
  const lastOnTime = new Map<string, S>();
  for (const s of submissions) {
    if (s.late) continue;
    const current = lastOnTime.get(s.companyId);
    if (
      !current ||
      s.sealedAt.getTime() > current.sealedAt.getTime() ||
      (s.sealedAt.getTime() === current.sealedAt.getTime() && s.id > current.id)
    ) {
      lastOnTime.set(s.companyId, s);
    }
  }
  const counting = new Set([...lastOnTime.values()].map((s) => s.id));
  for (const s of submissions) result.set(s.id, s.late ? 'late' : counting.has(s.id) ? 'counts' : 'superseded');
  return result;
}

/** A committee: n holders, a backup holder, threshold k with 2 ≤ k ≤ n. */
export function committeeProblems(
  holderCount: number,
  threshold: number,
  hasBackup: boolean,
  distinct: boolean,
): string[] {
  const problems: string[] = [];
  if (holderCount < 2) problems.push('submissions.committee.too_few_holders');
  if (!Number.isInteger(threshold) || threshold < 2 || threshold > holderCount) {
    problems.push('submissions.committee.bad_threshold');
  }
  if (!hasBackup) problems.push('submissions.committee.backup_missing');
  if (!distinct) problems.push('submissions.committee.holders_not_distinct');
  return problems;
}
