package dev.nodefix.module;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared module argument.
 *
 * @param choices allowed values for {@link ParamType#CHOICE}, empty otherwise
 * @param fallback the default, as the user would write it; empty for none
 */
public record Param(String name, ParamType type, boolean required, List<String> choices, Optional<String> fallback,
                    String description) {
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(description, "description");
    }

    public static Param required(String name, ParamType type, String description) {
        return new Param(name, type, true, List.of(), Optional.empty(), description);
    }

    public static Param optional(String name, ParamType type, String description) {
        return new Param(name, type, false, List.of(), Optional.empty(), description);
    }

    public static Param withDefault(String name, ParamType type, String fallback, String description) {
        return new Param(name, type, false, List.of(), Optional.of(fallback), description);
    }

    public static Param choice(String name, String fallback, String description, String... choices) {
        return new Param(name, ParamType.CHOICE, false, List.of(choices), Optional.ofNullable(fallback), description);
    }
}
