package dev.nodefix.bound;

/**
 * Text for a regular expression to read that checks a {@link Deadline} on every character read, so the JDK's
 * backtracking matcher cannot run past the evaluation's budget.
 */
public record DeadlineText(String text, Deadline deadline) implements CharSequence {
    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        deadline.check();
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineText(text.substring(start, end), deadline);
    }

    @Override
    public String toString() {
        return text;
    }
}
