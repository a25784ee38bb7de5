package dev.nodefix.expr;

import java.util.Objects;

/** An expression could not be parsed, was refused by the sandbox, or did not give what it had to. */
public final class ExpressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String expression;
    private final String reason;

    public ExpressionException(String expression, String reason) {
        super("expression '" + expression + "': " + reason);
        this.expression = Objects.requireNonNull(expression, "expression");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The expression text as written. */
    public String expression() {
        return expression;
    }

    /** What went wrong, without the expression: "undefined variable 'x'". */
    public String reason() {
        return reason;
    }
}
