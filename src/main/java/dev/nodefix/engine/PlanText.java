package dev.nodefix.engine;

import dev.nodefix.change.Change;
import dev.nodefix.module.Plan;
import java.util.stream.Collectors;

/** Short text of a plan, for drift messages. */
final class PlanText {
    private PlanText() {}

    static String oneLine(Plan plan) {
        if (plan instanceof Plan.NoOp n) {
            return "nothing (" + n.reason() + ")";
        }
        if (plan instanceof Plan.Refused r) {
            return "refused (" + r.reason() + ")";
        }
        return plan.changeList().stream().map(Change::describe).collect(Collectors.joining("; "));
    }
}
