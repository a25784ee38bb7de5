package dev.nodefix.expr;

import dev.nodefix.bound.Deadline;
import dev.nodefix.bound.DeadlineText;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.jexl3.JexlArithmetic;

/**
 * JEXL's arithmetic with {@code =~} / {@code !~} against a regular expression matched within the evaluation's
 * {@link Deadline} (JEXL's own matching would run a backtracking pattern forever). A bad pattern is an error
 * naming it. Everything else is JEXL's strict arithmetic.
 */
final class TimedArithmetic extends JexlArithmetic {
    private final Supplier<Deadline> deadline;

    TimedArithmetic(Supplier<Deadline> deadline) {
        super(true);
        this.deadline = deadline;
    }

    @Override
    public Boolean contains(Object container, Object value) {
        if (container instanceof CharSequence || container instanceof Pattern) {
            Pattern pattern = container instanceof Pattern p ? p : compile(container.toString());
            return pattern.matcher(new DeadlineText(String.valueOf(value), deadline.get())).matches();
        }
        return super.contains(container, value);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new BadPattern("bad regular expression '" + regex + "': " + e.getDescription());
        }
    }

    /** Options never change this arithmetic: the engine is strict and so is every evaluation. */
    @Override
    protected JexlArithmetic createWithOptions(boolean strict, java.math.MathContext context, int scale) {
        return this;
    }

    /** A regular expression that does not compile. */
    static final class BadPattern extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadPattern(String message) {
            super(message, null, false, false);
        }
    }
}
