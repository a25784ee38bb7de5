package dev.nodefix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.change.OffloadChange;
import dev.nodefix.module.Plan;
import dev.nodefix.query.ConnectQuery;
import dev.nodefix.query.Query;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What counts as drift between a confirmed plan and the plan made right before applying. */
class TaskStepsTest {
    private static final Plan OFF = new Plan.Changes(List.of(new OffloadChange("flannel.1", "tx-checksum-ip-generic", true, false)));
    private static final Plan OFF_OTHER_IFACE = new Plan.Changes(List.of(new OffloadChange("eth0", "tx-checksum-ip-generic", true, false)));

    @ParameterizedTest(name = "{0} then {1}: same = {2}")
    @CsvSource({
            "noop-a, noop-b, true",      // a probe's reason carries its timing: no drift
            "refused-a, refused-b, true",
            "change, change, true",
            "change, change-other, false",
            "noop-a, change, false",
            "change, noop-a, false",
            "refused-a, noop-a, false",
            "noop-a, refused-a, false"})
    void sameKindIsDriftFree(String confirmed, String now, boolean same) {
        assertThat(TaskSteps.sameKind(plan(confirmed), plan(now))).isEqualTo(same);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"file, true", "connect, false"})
    void onlyStateThatStaysPutIsCached(String kind, boolean cacheable) {
        Query q = kind.equals("file") ? new Query.File("/etc/hostname") : new ConnectQuery("10.43.0.10", 80, java.time.Duration.ofSeconds(1));
        assertThat(TaskSteps.cacheable(q)).isEqualTo(cacheable);
    }

    private static Plan plan(String name) {
        return switch (name) {
            case "noop-a" -> new Plan.NoOp("connected in 0.8 ms");
            case "noop-b" -> new Plan.NoOp("connected in 9.2 ms");
            case "refused-a" -> new Plan.Refused("assertion failed: a");
            case "refused-b" -> new Plan.Refused("assertion failed: b");
            case "change" -> OFF;
            case "change-other" -> OFF_OTHER_IFACE;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
