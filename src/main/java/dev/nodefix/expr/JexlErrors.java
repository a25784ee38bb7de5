package dev.nodefix.expr;

import dev.nodefix.bound.Deadline;
import org.apache.commons.jexl3.JexlException;

/** A JEXL failure as one readable reason, without JEXL's class names; the position is kept where there is one. */
final class JexlErrors {
    private JexlErrors() {}

    /** A failure while evaluating: JEXL's, an evaluation over its budget, or a bad regular expression. */
    static String reason(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Deadline.Exceeded || t instanceof TimedArithmetic.BadPattern) {
                return t.getMessage();
            }
        }
        return e instanceof JexlException j ? reason(j) : String.valueOf(e.getMessage());
    }

    /** An undefined {@code a.b.c} is reported by JEXL as the dotted name; the variable is its first part. */
    static String reason(JexlException e) {
        String at = position(e);
        if (e instanceof JexlException.Variable v) {
            String name = v.getVariable().replaceFirst("\\..*", "");
            return (v.isUndefined() ? "undefined variable '" : "variable is null: '") + name + "'" + at;
        }
        if (e instanceof JexlException.Property p) {
            return (p.isUndefined() ? "undefined property '" : "property is null: '") + p.getProperty() + "'"
                    + hint(p) + at;
        }
        if (e instanceof JexlException.Method m) {
            return "function or method calls are not allowed: '" + m.getMethod() + "'" + at;
        }
        if (e instanceof JexlException.Feature) {
            return "not allowed in an expression: " + detail(e) + at;
        }
        if (e instanceof JexlException.Parsing || e instanceof JexlException.Tokenization) {
            return "syntax error" + (detail(e).isEmpty() ? "" : ": " + detail(e)) + at;
        }
        return detail(e).isEmpty() ? "cannot evaluate" + at : detail(e) + at;
    }

    /** {@code ", did you mean 'kube_postrouting'?"} when the mapping holds the key written another way. */
    private static String hint(JexlException.Property p) {
        for (Throwable t = p.getCause(); t != null; t = t.getCause()) {
            if (t instanceof KeyHints.Misspelled m) {
                return ", did you mean '" + m.meant() + "'?";
            }
        }
        return "";
    }

    private static String detail(JexlException e) {
        String d = e.getDetail();
        return d == null ? "" : d.strip();
    }

    private static String position(JexlException e) {
        return e.getInfo() == null ? "" : " (at column " + e.getInfo().getColumn() + ")";
    }
}
