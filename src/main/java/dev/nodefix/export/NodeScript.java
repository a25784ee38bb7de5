package dev.nodefix.export;

import dev.nodefix.change.Change;
import dev.nodefix.expr.ExpressionException;
import dev.nodefix.expr.Expressions;
import dev.nodefix.journal.RunId;
import dev.nodefix.module.ArgException;
import dev.nodefix.module.Module;
import dev.nodefix.module.ModuleRegistry;
import dev.nodefix.module.NodeFragment;
import dev.nodefix.module.NodeLocal;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.PlayTask;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.transport.Command;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A playbook compiled to the POSIX sh a node runs by itself: what the executor would do on that node. Each task
 * plans on the node with its module's own {@link NodeFragment} (the same decisions as the module's plan), under the
 * node's lock, and applies its changes with the node journal's own commands, so {@code nodefix runs --from-nodes}
 * and {@code nodefix rollback RUN --from-nodes} see and undo them. The variables (play vars, {@code -e}) are fixed
 * when exporting; facts are read on the node ({@link FactConditions}). A task that needs the controller (a module
 * with no node fragment, handlers, registers, retries, a play for some hosts only) is refused with its place.
 */
public final class NodeScript {
    private final ModuleRegistry registry;
    private final Expressions expressions;
    private final FactConditions conditions;

    public NodeScript(ModuleRegistry registry, Expressions expressions) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.expressions = Objects.requireNonNull(expressions, "expressions");
        this.conditions = new FactConditions(expressions);
    }

    /** @throws ExportException naming the first task (file:line:col) that cannot run on the node alone */
    public String compile(Playbook book, Map<String, Object> extraVars, String run) {
        RunId.check(run);
        EmbeddedScripts scripts = new EmbeddedScripts();
        String runtime = NodeRuntime.text(run, scripts);
        StringBuilder tasks = new StringBuilder();
        StringBuilder runs = new StringBuilder();
        int number = 0;
        for (Play play : book.plays()) {
            if (!play.hosts().equals("all")) {
                throw new ExportException(play.location(), "hosts: " + play.hosts() + ": a node script runs on every"
                        + " node its Plan selects; export plays for hosts: all (the Plans select servers and agents)");
            }
            if (!play.handlers().isEmpty()) {
                throw new ExportException(play.handlers().get(0).location(), "handlers run once per batch from the"
                        + " controller; a node script has none");
            }
            Map<String, Object> vars = vars(play, extraVars);
            for (PlayTask task : play.tasks()) {
                number++;
                String title = title(task, vars);
                try {
                    tasks.append(task(task, number, title, vars, run, scripts));
                } catch (ExpressionException e) {
                    throw new ExportException(task.location(), e.getMessage() + " (only variables are known when"
                            + " exporting; facts as the node script reads them)");
                }
                runs.append("nf_run ").append(number).append(' ').append(Command.quote(title)).append(" || nf_recap\n");
            }
        }
        return "#!/bin/sh\n"
                + "# nodefix node script: " + comment(String.valueOf(book.file().getFileName())) + " as run " + run + ", exported by `nodefix export suc`.\n"
                + "# Run as root on the node (the system-upgrade-controller Job runs `chroot /host sh node.sh`). It reads the\n"
                + "# node, changes only what differs, journals every change in " + dev.nodefix.journal.NodeJournal.DIR
                + " as nodefix over SSH does\n"
                + "# (`nodefix runs --from-nodes`, `nodefix rollback " + run + " --from-nodes`), and prints a line per task.\n"
                + "# Running it again changes nothing that is already in place.\n"
                + scripts.definitions() + runtime + "\n" + tasks + runs + "nf_recap\n";
    }

    private String task(PlayTask task, int number, String title, Map<String, Object> vars, String run,
                        EmbeddedScripts scripts) {
        refuseControllerFeatures(task);
        StringBuilder body = new StringBuilder();
        StringBuilder apply = new StringBuilder();
        for (String when : task.when()) {
            FactConditions.Test test = condition(task, when, vars);
            if (test instanceof FactConditions.Always a && !a.value()) {
                return "# " + comment(task.location().toString()) + "\nnf_task_" + number + "() { nf_skip "
                        + Command.quote("when: " + when.strip() + " is false") + "; }\n";
            }
            if (test instanceof FactConditions.Table t) {
                body.append("  if ! ").append(t.sh()).append("; then nf_skip ")
                        .append(Command.quote("when: " + when.strip() + " is false")).append("; return; fi\n");
            }
        }
        if (task.module().equals("assert")) {
            body.append(assertion(task, vars));
        } else {
            Module<?> module = registry.get(task.module());
            if (!(module instanceof NodeLocal<?> local)) {
                throw new ExportException(task.location(), "module " + task.module() + " runs from the controller ("
                        + module.description() + "); it has no node-local form, so this playbook cannot be exported");
            }
            NodeFragment fragment;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> raw = (Map<String, Object>) fill(task.args(), vars);
                fragment = local.nodeFragment(raw);
            } catch (ArgException | ExpressionException e) {
                throw new ExportException(task.location(), e.getMessage());
            }
            fragment.sh().lines().forEach(l -> body.append("  ").append(l).append('\n'));
            List<Change> changes = fragment.changes();
            apply.append("nf_apply_").append(number).append("() {\ncase $1 in\n");
            for (int i = 0; i < changes.size(); i++) {
                // not indented: the journal's and the change's scripts are quoted words, kept byte for byte
                apply.append(i).append(")\n").append(JournaledChange.sh(run, number, title, changes.get(i), scripts)).append(";;\n");
            }
            apply.append("esac\n}\n");
        }
        return "# " + comment(task.location().toString()) + "\nnf_task_" + number + "() {\n" + body + "}\n" + apply;
    }

    private String assertion(PlayTask task, Map<String, Object> vars) {
        Object that = task.args().get("that");
        List<String> conditions = that instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(that));
        Map<String, Object> scope = new LinkedHashMap<>(vars);
        if (task.args().get("vars") instanceof Map<?, ?> own) {
            own.forEach((k, v) -> scope.put(String.valueOf(k), v));
        }
        StringBuilder out = new StringBuilder();
        for (String condition : conditions) {
            String message = task.args().get("fail_msg") instanceof String m ? String.valueOf(fill(m, scope))
                    : "assertion failed: " + condition.strip();
            FactConditions.Test test = condition(task, condition, scope);
            if (test instanceof FactConditions.Always a) {
                if (!a.value()) {
                    out.append("  nf_refuse ").append(Command.quote(message)).append("; return\n");
                }
            } else {
                out.append("  ").append(((FactConditions.Table) test).sh()).append(" || { nf_refuse ")
                        .append(Command.quote(message)).append("; return; }\n");
            }
        }
        return out.append("  nf_ok 'all assertions passed'\n").toString();
    }

    private FactConditions.Test condition(PlayTask task, String condition, Map<String, Object> vars) {
        try {
            return conditions.compile(condition, vars);
        } catch (ExportException e) {
            throw new ExportException(task.location(), e.getMessage());
        }
    }

    private static void refuseControllerFeatures(PlayTask task) {
        String feature = task.register().isPresent() ? "register" : !task.notifies().isEmpty() ? "notify"
                : task.retries() > 0 || task.until().isPresent() ? "until/retries"
                : !task.changedWhen().isEmpty() ? "changed_when" : !task.failedWhen().isEmpty() ? "failed_when"
                : task.ignoreErrors() ? "ignore_errors" : "";
        if (!feature.isEmpty()) {
            throw new ExportException(task.location(), feature + " is not compiled into node scripts yet; run this"
                    + " playbook with nodefix play");
        }
    }

    /** The play's variables as a task sees them: {@code -e} wins, the play's {@code {{ }}} filled in file order. */
    private Map<String, Object> vars(Play play, Map<String, Object> extraVars) {
        Map<String, Object> vars = new LinkedHashMap<>(extraVars);
        play.vars().forEach((name, value) -> {
            if (!extraVars.containsKey(name)) {
                try {
                    vars.put(name, fill(value, vars));
                } catch (ExpressionException e) {
                    throw new ExportException(play.location(), "vars: " + name + ": " + e.getMessage());
                }
            }
        });
        return vars;
    }

    private String title(PlayTask task, Map<String, Object> vars) {
        try {
            return String.valueOf(fill(task.title(), vars));
        } catch (ExpressionException e) {
            throw new ExportException(task.location(), "name: " + e.getMessage() + " (only variables are known when"
                    + " exporting)");
        }
    }

    /**
     * Text for a {@code #} comment line: every control, format and line-separating character (a newline would end
     * the comment and start a command run as root) becomes {@code ?}.
     */
    static String comment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            out.appendCodePoint(type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR ? '?' : c);
        });
        return out.toString();
    }

    private Object fill(Object raw, Map<String, Object> vars) {
        if (raw instanceof String text) {
            return Expressions.isTemplate(text) ? expressions.interpolate(text, vars) : text;
        }
        if (raw instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), fill(v, vars)));
            return out;
        }
        if (raw instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(fill(v, vars)));
            return out;
        }
        return raw;
    }
}
