package dev.nodefix.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How far a run is rolled back, host by host, from the run.json of its rollbacks. */
class RollbackStatusTest {
    private static final String A = "20261125T100000Z-000a";
    private static final java.util.Set<String> ALL3 = java.util.Set.of("n1", "n2", "n3");
    private static final RunMeta APPLY = run(A, RunKind.APPLY, Optional.empty(), 0, List.of("n1", "n2", "n3"),
            Map.of("n1", HostEnd.CHANGED, "n2", HostEnd.CHANGED, "n3", HostEnd.CHANGED));

    @Test
    void aRollbackWithAnUnreachableHostIsPartialNamingIt() {
        RunMeta r1 = rollback("20261125T100100Z-0001", 1, Map.of("n1", HostEnd.CHANGED, "n2", HostEnd.CHANGED,
                "n3", HostEnd.UNREACHABLE));
        RollbackStatus s = RollbackStatus.of(APPLY, ALL3, List.of(APPLY, r1));

        assertThat(s.complete()).isFalse();
        assertThat(s.summary()).isEqualTo("partly: 2/3 hosts");
        assertThat(s.remaining()).containsExactly("n3");
        assertThat(s.of("n3")).isEqualTo("NOT rolled back: unreachable in rollback " + r1.id());
        assertThat(s.of("n1")).isEqualTo("rolled back by " + r1.id());
    }

    @Test
    void aSecondRollbackFinishesTheStrandedHostAndIsNamedAsTheOneThatFinished() {
        RunMeta r1 = rollback("20261125T100100Z-ffff", 1, Map.of("n1", HostEnd.CHANGED, "n2", HostEnd.CHANGED,
                "n3", HostEnd.UNREACHABLE));
        RunMeta r2 = rollback("20261125T100100Z-0002", 2, Map.of("n1", HostEnd.OK, "n2", HostEnd.OK, "n3", HostEnd.CHANGED));
        RollbackStatus s = RollbackStatus.of(APPLY, ALL3, List.of(APPLY, r1, r2));

        assertThat(s.complete()).isTrue();
        assertThat(s.summary()).isEqualTo("yes, by " + r2.id());
    }

    @Test
    void aConflictLeftBehindIsNotRolledBack() {
        RunMeta r1 = rollback("20261125T100100Z-0001", 1, Map.of("n1", HostEnd.CONFLICT, "n2", HostEnd.OK, "n3", HostEnd.OK));
        RollbackStatus s = RollbackStatus.of(APPLY, ALL3, List.of(APPLY, r1));

        assertThat(s.of("n1")).isEqualTo("NOT rolled back: conflict in rollback " + r1.id());
        assertThat(s.complete()).isFalse();
    }

    @Test
    void aHostTheRunNeverChangedHasNothingToRollBack() {
        RunMeta apply = run(A, RunKind.APPLY, Optional.empty(), 0, List.of("n1", "n2"),
                Map.of("n1", HostEnd.CHANGED, "n2", HostEnd.LOCKED));
        RunMeta r1 = rollback("20261125T100100Z-0001", 1, Map.of("n1", HostEnd.CHANGED));

        assertThat(RollbackStatus.of(apply, java.util.Set.of("n1"), List.of(apply, r1)).summary()).isEqualTo("yes, by " + r1.id());
    }

    @Test
    void aRollbackLimitedToSomeHostsLeavesTheOthersOpenAndAKilledOneStrandsItsHosts() {
        RunMeta limited = rollback("20261125T100100Z-0001", 1, Map.of("n1", HostEnd.CHANGED));
        RunMeta killed = run("20261125T100100Z-0002", RunKind.ROLLBACK, Optional.of(A), 2, List.of("n2"), null);
        RollbackStatus s = RollbackStatus.of(APPLY, ALL3, List.of(APPLY, limited, killed));

        assertThat(s.of("n2")).isEqualTo("NOT rolled back: rollback " + killed.id() + " did not finish");
        assertThat(s.of("n3")).isEqualTo("not rolled back");
        assertThat(RollbackStatus.of(APPLY, ALL3, List.of(APPLY)).summary()).isEqualTo("no");
    }

    @Test
    void aRunThatChangedNoHostIsCompleteAndSaysThereIsNothingToRollBack() {
        RollbackStatus s = RollbackStatus.of(APPLY, java.util.Set.of(), List.of(APPLY));

        assertThat(s.complete()).isTrue();
        assertThat(s.summary()).isEqualTo("nothing to roll back");
        assertThat(s.remaining()).isEmpty();
    }

    @Test
    void theSummaryAgreesWithCompleteWhateverTheRollbacksDid() {
        RunMeta r1 = rollback("20261125T100100Z-0001", 1, Map.of("n1", HostEnd.CHANGED, "n2", HostEnd.UNREACHABLE));
        RunMeta r2 = rollback("20261125T100100Z-0002", 2, Map.of("n2", HostEnd.CHANGED, "n3", HostEnd.OK));
        List<java.util.Set<String>> changed = List.of(java.util.Set.of(), java.util.Set.of("n1"), ALL3);
        List<List<RunMeta>> histories = List.of(List.of(APPLY), List.of(APPLY, r1), List.of(APPLY, r1, r2));
        for (java.util.Set<String> c : changed) {
            for (List<RunMeta> h : histories) {
                RollbackStatus s = RollbackStatus.of(APPLY, c, h);
                boolean saysDone = s.summary().startsWith("yes") || s.summary().equals("nothing to roll back");
                assertThat(saysDone).as(c + " " + h.size() + ": " + s.summary()).isEqualTo(s.complete());
            }
        }
    }

    private static RunMeta rollback(String id, int minute, Map<String, HostEnd> ends) {
        return run(id, RunKind.ROLLBACK, Optional.of(A), minute, List.copyOf(new java.util.TreeSet<>(ends.keySet())), ends);
    }

    private static RunMeta run(String id, RunKind kind, Optional<String> of, int minute, List<String> hosts,
                               Map<String, HostEnd> ends) {
        Instant at = Instant.parse("2026-11-25T10:00:00Z").plusSeconds(60L * minute);
        return new RunMeta(id, kind, of, at, kind.label(), hosts,
                ends == null ? Optional.empty() : Optional.of(new RunMeta.Outcome(at.plusSeconds(5), 0, 0, 0, ends)));
    }
}
