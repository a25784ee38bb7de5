package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Records, enums, optionals, maps and numbers as plain data; a converter kept for many values gives what a fresh one gives. */
class PlainDataTest {
    enum Mode { LEGACY, NF_TABLES }

    record Inner(int count, Optional<String> note) {}

    record Outer(String name, Mode mode, List<Inner> inners, Map<String, Inner> byName, Optional<Inner> first) {}

    private static final Outer A = new Outer("a", Mode.NF_TABLES, List.of(new Inner(1, Optional.of("x")), new Inner(2,
            Optional.empty())), Map.of("z", new Inner(3, Optional.empty()), "b", new Inner(4, Optional.of("y"))),
            Optional.empty());
    private static final Outer B = new Outer("b", Mode.LEGACY, List.of(), Map.of(), Optional.of(new Inner(5, Optional.empty())));

    @Test
    void recordsAreMapsInDeclarationOrderWithPlainValues() {
        Map<String, Object> note = new java.util.LinkedHashMap<>();
        note.put("count", 2L);
        note.put("note", null);
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("name", "a");
        expected.put("mode", "nf_tables");
        expected.put("inners", List.of(Map.of("count", 1L, "note", "x"), note));
        Map<String, Object> z = new java.util.LinkedHashMap<>();
        z.put("count", 3L);
        z.put("note", null);
        expected.put("byName", Map.of("b", Map.of("count", 4L, "note", "y"), "z", z));
        expected.put("first", null);
        Object plain = PlainData.of(A);
        assertThat(plain).isEqualTo(expected);
        assertThat(String.valueOf(plain)).startsWith("{name=a, mode=nf_tables, inners=").contains("byName={b=");
    }

    @Test
    void oneConverterForManyValuesGivesWhatAFreshOneGives() {
        PlainData kept = new PlainData();
        for (int i = 0; i < 3; i++) {
            assertThat(kept.plain(A)).isEqualTo(PlainData.of(A));
            assertThat(kept.plain(B)).isEqualTo(PlainData.of(B));
        }
        assertThat(kept.plain(B)).isNotEqualTo(kept.plain(A));
    }
}
