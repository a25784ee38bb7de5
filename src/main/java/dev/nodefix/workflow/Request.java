package dev.nodefix.workflow;

import dev.nodefix.journal.InventoryUsed;
import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RunMeta;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One changing run to go through the workflow.
 *
 * @param title what the plan and the report are headed with (the playbook, or the module and its arguments)
 * @param what how {@code nodefix runs} lists the run
 * @param rollbackOf for a rollback, the run it undoes
 * @param inventory which inventory the run uses, for {@code run.json}
 * @param inventoryHint what the rollback command needs after the run id to find the same inventory ({@code -i X})
 * @param retry the hosts of the finished run to run it again on, and how, when there are such hosts
 */
public record Request(String title, String what, RunKind kind, Optional<String> rollbackOf,
                      Optional<InventoryUsed> inventory, String inventoryHint, Function<RunMeta, Optional<Retry>> retry) {
    public Request {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rollbackOf, "rollbackOf");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(inventoryHint, "inventoryHint");
        Objects.requireNonNull(retry, "retry");
    }
}
