package dev.nodefix.playbook;

import dev.nodefix.expr.Expressions;
import dev.nodefix.inventory.Location;
import dev.nodefix.module.ModuleRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a playbook file (YAML 1.2) into a {@link Playbook}, checking everything that can be checked before any
 * host is touched, and reporting every problem at once ({@link PlaybookException}, one {@code file:line:col}
 * each): unknown play and task keys and modules (with did-you-mean), a task with no module or two, module
 * arguments the module rejects, bad expressions and {@code {{ }}}, undefined variables (see {@link Scope}),
 * handlers notified but not defined, bad {@code serial}, {@code order}, {@code max_fail_percentage} and switches.
 */
public final class PlaybookLoader {
    private final ModuleRegistry registry;
    private final ExpressionCheck check;

    public PlaybookLoader(ModuleRegistry registry, Expressions expressions) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.check = new ExpressionCheck(Objects.requireNonNull(expressions, "expressions"));
    }

    /**
     * @param extraVars {@code -e} variables: their names are defined for every expression; their values are not
     *     read here
     */
    public Playbook load(Path file, Map<String, ?> extraVars) {
        Problems problems = new Problems();
        PlaybookYaml yaml = new PlaybookYaml(file.toString(), problems);
        Optional<Node> root = yaml.compose(file);
        if (root.isEmpty()) {
            throw new PlaybookException(new Location(file.toString(), 1, 1), "the playbook is empty; it is a list of plays");
        }
        if (!(root.get() instanceof SequenceNode plays) || plays.getValue().isEmpty()) {
            throw new PlaybookException(yaml.location(root.get()), "a playbook is a list of plays (- hosts: ...), got "
                    + PlaybookYaml.describe(root.get()));
        }
        Scope scope = Scope.builtin().with(extraVars.keySet());
        PlayReader reader = new PlayReader(yaml, registry, check);
        List<Play> out = new ArrayList<>();
        plays.getValue().forEach(p -> reader.read(p, scope).ifPresent(out::add));
        problems.throwIfAny();
        return new Playbook(file, out);
    }
}
