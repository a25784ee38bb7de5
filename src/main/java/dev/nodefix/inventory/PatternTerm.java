package dev.nodefix.inventory;

import java.util.Objects;

/**
 * One term of a host pattern: a union ({@code web}), an intersection ({@code &web}) or an exclusion
 * ({@code !web}) of what {@code expression} matches.
 *
 * @param from the {@code @RUN} or {@code @FILE} reference the term was read from; empty when it was typed
 */
record PatternTerm(Op op, String expression, String from) {
    enum Op { UNION, INTERSECTION, EXCLUSION }

    PatternTerm {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(from, "from");
    }

    PatternTerm(Op op, String expression) {
        this(op, expression, "");
    }

    PatternTerm readFrom(String reference) {
        return new PatternTerm(op, expression, reference);
    }

    static PatternTerm of(String raw) {
        if (raw.startsWith("&")) {
            return new PatternTerm(Op.INTERSECTION, raw.substring(1));
        }
        if (raw.startsWith("!")) {
            return new PatternTerm(Op.EXCLUSION, raw.substring(1));
        }
        return new PatternTerm(Op.UNION, raw);
    }

    @Override
    public String toString() {
        return switch (op) {
            case UNION -> expression;
            case INTERSECTION -> "&" + expression;
            case EXCLUSION -> "!" + expression;
        };
    }
}
