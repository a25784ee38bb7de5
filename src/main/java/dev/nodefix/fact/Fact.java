package dev.nodefix.fact;

import java.util.Objects;
import java.util.function.Function;

/**
 * A parser from one collector section to a typed value. {@link #parse} is pure and total: a section
 * that is absent, missing or garbled gives the fact's explicit "absent" or "unknown" value, never an exception.
 *
 * @param section the collector section this fact reads
 */
public record Fact<T>(String section, Function<Section, T> parser) {
    public Fact {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(parser, "parser");
    }

    public static <T> Fact<T> of(String section, Function<Section, T> parser) {
        return new Fact<>(section, parser);
    }

    public T parse(Section input) {
        return parser.apply(input);
    }

    public T from(CollectorOutput output) {
        return parse(output.section(section));
    }
}
