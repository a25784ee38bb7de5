package dev.nodefix.fact;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A parser from one collector section to a typed value. {@link #parse} is pure and total: a section
 * that is absent, missing or garbled gives the fact's explicit "absent" or "unknown" value, never an exception.
 *
 * @param section   the collector section this fact reads
 * @param fallbacks sections read instead, in order, when the ones before are not in the output at all: where
 *                  another collector version printed the same fact (captured output stays readable with
 *                  {@code --from}); the parser reads each of their shapes
 */
public record Fact<T>(String section, Function<Section, T> parser, List<String> fallbacks) {
    public Fact {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(parser, "parser");
        fallbacks = List.copyOf(fallbacks);
    }

    public static <T> Fact<T> of(String section, Function<Section, T> parser) {
        return new Fact<>(section, parser, List.of());
    }

    /** This fact, read from {@code sections} when its own section is not in the output. */
    public Fact<T> orFrom(String... sections) {
        return new Fact<>(section, parser, List.of(sections));
    }

    public T parse(Section input) {
        return parser.apply(input);
    }

    public T from(CollectorOutput output) {
        Section found = output.section(section);
        for (int i = 0; i < fallbacks.size() && found.status() == Section.Status.MISSING; i++) {
            found = output.section(fallbacks.get(i));
        }
        return parse(found);
    }
}
