package dev.nodefix.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.change.Change;
import dev.nodefix.change.FileChange;
import dev.nodefix.module.ArgException;
import dev.nodefix.module.Invocation;
import dev.nodefix.module.Module;
import dev.nodefix.module.ModuleRegistry;
import dev.nodefix.module.Plan;
import dev.nodefix.query.FileState;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.K3sSourcesQuery;
import dev.nodefix.query.Query;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code src/test/resources/modules/<module>/<case>.yaml}: args and raw node state in, a plan out. */
class ModuleCasesTest {
    private static final ModuleRegistry MODULES = BuiltinModules.registry();

    static Stream<ModuleCase> cases() throws IOException, URISyntaxException {
        Path root = Path.of(ModuleCasesTest.class.getResource("/modules").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            return yaml.stream().map(ModuleCase::load);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansAsExpected(ModuleCase c) {
        Module<?> module = MODULES.get(c.module());
        ModuleCase.Expect expect = c.expect();
        if (expect.kind().equals("error")) {
            assertThatThrownBy(() -> module.invoke(c.args())).as(c.toString()).isInstanceOf(ArgException.class)
                    .hasMessageContaining(expect.text());
            return;
        }
        Invocation invocation = module.invoke(c.args());
        assertThat(c.queries()).as(c + ": the state given is what the module reads")
                .containsExactlyInAnyOrderElementsOf(invocation.reads());
        if (expect.kind().equals("fails")) {
            assertThatThrownBy(() -> invocation.plan(c.nodeState())).as(c.toString()).hasMessageContaining(expect.text());
            return;
        }
        NodeState state = c.nodeState();
        Plan plan = invocation.plan(state);
        assertThat(invocation.plan(state)).as(c + ": planning is pure").isEqualTo(plan);
        switch (expect.kind()) {
            case "noop" -> assertThat(plan).as(c.toString()).isInstanceOfSatisfying(Plan.NoOp.class,
                    p -> assertThat(p.reason()).contains(expect.text()));
            case "refused" -> assertThat(plan).as(c.toString()).isInstanceOfSatisfying(Plan.Refused.class,
                    p -> assertThat(p.reason()).contains(expect.text()));
            default -> assertChanges(c, plan, invocation.reads());
        }
    }

    private static void assertChanges(ModuleCase c, Plan plan, List<Query> reads) {
        assertThat(plan).as(c.toString()).isInstanceOf(Plan.Changes.class);
        List<Change> changes = plan.changeList();
        c.expect().after().ifPresent(text -> assertThat(changes).as(c + ": the file written")
                .filteredOn(FileChange.class::isInstance).singleElement()
                .extracting(f -> ((FileChange) f).after()).isInstanceOfSatisfying(FileState.Present.class,
                        p -> assertThat(p.text()).isEqualTo(text)));
        assertThat(changes).as(c + ": changes").extracting(Change::describe).containsExactlyElementsOf(c.expect().changes());
        String diffs = changes.stream().map(Change::diff).flatMap(Optional::stream).collect(Collectors.joining("\n"));
        if (!c.expect().diff().isEmpty()) {
            assertThat(diffs).as(c + ": diff").contains(c.expect().diff());
        }
        if (!c.expect().inverse().isEmpty()) {
            assertThat(rollback(changes)).as(c + ": inverse").containsExactlyElementsOf(c.expect().inverse());
        }
        for (Change change : changes) {
            change.observes().ifPresent(q -> assertThat(reads).as(c + ": the module reads what " + change.describe()
                    + " observes").anyMatch(r -> r.equals(q) || r instanceof K3sSourcesQuery k && k.covers(q)));
            change.inverse().ifPresent(inverse -> assertThat(inverse.inverse()).as(c + ": inverse of inverse of "
                    + change.describe()).contains(change));
        }
    }

    /** As rollback orders them: the inverses of non-triggers in reverse, then each distinct trigger once. */
    private static List<String> rollback(List<Change> changes) {
        List<String> out = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change change = changes.get(i);
            if (!change.trigger()) {
                out.add(change.inverse().map(Change::describe).orElse("irreversible: " + change.describe()));
            }
        }
        changes.stream().filter(Change::trigger).map(t -> t.inverse().orElseThrow().describe()).distinct()
                .forEach(out::add);
        return out;
    }

    @Test
    void everyModuleHasCasesAndEveryCaseAModule() throws Exception {
        Map<String, Long> counts = cases().collect(Collectors.groupingBy(ModuleCase::module, Collectors.counting()));
        List<String> names = MODULES.all().stream().map(Module::name).toList();
        assertThat(names).containsAll(counts.keySet());
        assertThat(counts.keySet()).containsAll(names);
        assertThat(counts).allSatisfy((module, n) -> assertThat(n).as(module).isGreaterThanOrEqualTo(5));
    }
}
