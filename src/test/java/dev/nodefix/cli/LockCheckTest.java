package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RunMeta;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When `nodefix unlock` may remove a lock: only when nothing shows its run alive and something shows it dead. */
class LockCheckTest {
    private static final String RUN = "20261125T201503Z-3f9a";
    private static final String BOOT = "0b9c2a52-7c35-4c5e-9b38-1f7a4b1c2d3e";
    private static final String HOLDER = RUN + " " + LockHolder.describe(Instant.parse("2026-11-25T20:15:03Z"), "ops", "ctl",
            4242, BOOT);

    @Test
    void aChangeStillRunningOnTheNodeKeepsTheLockEvenWhenTheControllerIsGone() {
        LockCheck.Verdict v = LockCheck.judge(HOLDER, List.of("2"), Optional.empty(), BOOT, pid -> false);
        assertThat(v.dead()).isFalse();
        assertThat(v.reason()).isEqualTo("change #2 of run " + RUN + " is still running on the node");
    }

    @Test
    void aRunThisMachineRecordedAsFinishedIsDead() {
        RunMeta finished = new RunMeta(RUN, RunKind.APPLY, Optional.empty(), Instant.parse("2026-11-25T20:15:03Z"), "x",
                List.of("n1"), Optional.of(new RunMeta.Outcome(Instant.parse("2026-11-25T20:16:00Z"), 1, 0, 0)));
        LockCheck.Verdict v = LockCheck.judge(HOLDER, List.of(), Optional.of(finished), "other-boot", pid -> true);
        assertThat(v.dead()).isTrue();
        assertThat(v.reason()).contains("finished at 2026-11-25T20:16:00Z");
    }

    @Test
    void onThisMachineThePidDecides() {
        assertThat(LockCheck.judge(HOLDER, List.of(), Optional.empty(), BOOT, pid -> pid == 4242).dead()).isFalse();
        LockCheck.Verdict gone = LockCheck.judge(HOLDER, List.of(), Optional.empty(), BOOT, pid -> false);
        assertThat(gone.dead()).isTrue();
        assertThat(gone.reason()).isEqualTo("its nodefix process 4242 is gone and nothing of it runs on the node");
    }

    @Test
    void anotherMachinesRunAnOldHolderOrNoHolderCannotBeJudged() {
        assertThat(LockCheck.judge(HOLDER, List.of(), Optional.empty(), "another-boot", pid -> false).reason())
                .contains("cannot tell");
        assertThat(LockCheck.judge(RUN + " started 2026-11-25T20:15:03Z by ops@ctl", List.of(), Optional.empty(), BOOT,
                pid -> false).dead()).isFalse();
        assertThat(LockCheck.judge("", List.of(), Optional.empty(), BOOT, pid -> false).reason())
                .isEqualTo("the lock names no run, so nothing shows whether its run is alive");
    }

    @Test
    void theHolderLineCarriesRunPidAndBoot() {
        LockHolder h = LockHolder.parse(HOLDER);
        assertThat(h).isEqualTo(new LockHolder(RUN, Optional.of(4242L), Optional.of(BOOT)));
    }
}
