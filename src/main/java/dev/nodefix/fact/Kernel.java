package dev.nodefix.fact;

import java.util.Optional;

/** {@code uname -r}. A weak signal on its own: kept for evidence, never decides. */
public record Kernel(Optional<String> release) {
    public static final Fact<Kernel> FACT = Fact.of("kernel", Kernel::parse);

    static Kernel parse(Section section) {
        if (!section.succeeded()) {
            return new Kernel(Optional.empty());
        }
        return new Kernel(section.lines().stream().map(String::strip)
                .filter(l -> l.matches("\\d+\\.\\d+\\S*")).findFirst());
    }
}
