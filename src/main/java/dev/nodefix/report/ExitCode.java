package dev.nodefix.report;

import dev.nodefix.diagnose.Verdict;

/**
 * Process exit codes, as Ansible's: scripts written for ansible keep working. {@code diagnose} adds one code per
 * verdict other than not-affected (0), see {@link #of(Verdict, int)}.
 */
public final class ExitCode {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int HOST_FAILED = 2;
    public static final int HOST_UNREACHABLE = 4;
    /** {@code diagnose}: the cluster is affected (for cron and CI; 0 means not affected). */
    public static final int AFFECTED = 10;
    /** {@code diagnose}: at risk (the bug's conditions are there, the offload is off but not kept off, ...). */
    public static final int AT_RISK = 11;
    /** {@code diagnose}: the evidence does not settle it (facts missing or unreadable). */
    public static final int UNKNOWN = 12;

    private ExitCode() {}

    /** A changing run's exit code: a failure (or a stopped run) 2, else an unreachable host 4; not confirmed 1. */
    public static int of(dev.nodefix.workflow.Outcome outcome) {
        return switch (outcome.status()) {
            case OK -> OK;
            case FAILED -> HOST_FAILED;
            case UNREACHABLE -> HOST_UNREACHABLE;
            case DECLINED -> USAGE;
        };
    }

    /**
     * {@code diagnose}'s exit code: affected wins over everything (a finding is a finding, even if another host was
     * unreachable); else unreachable hosts (4) before at-risk and unknown; else the verdict's own code.
     *
     * @param collected the exit code of collecting the facts (0 offline)
     */
    public static int of(Verdict verdict, int collected) {
        if (verdict == Verdict.AFFECTED) {
            return AFFECTED;
        }
        if (collected == HOST_UNREACHABLE) {
            return HOST_UNREACHABLE;
        }
        return switch (verdict) {
            case AT_RISK -> AT_RISK;
            case UNKNOWN -> UNKNOWN;
            default -> OK;
        };
    }
}
