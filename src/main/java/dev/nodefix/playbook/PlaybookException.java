package dev.nodefix.playbook;

import dev.nodefix.inventory.Location;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A playbook that cannot be run: every problem found in one pass over the file, in file order, each with its
 * {@code file:line:col}. The message is one {@code file:line:col: message} line per problem.
 */
public final class PlaybookException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /** One problem: where it is and what is wrong. */
    public record Problem(Location location, String message) {
        public Problem {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return location + ": " + message;
        }
    }

    public PlaybookException(List<Problem> problems) {
        super(problems.stream().sorted(ORDER).map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PlaybookException needs at least one problem");
        }
        this.problems = problems.stream().sorted(ORDER).toList();
    }

    public PlaybookException(Location location, String message) {
        this(List.of(new Problem(location, message)));
    }

    private static final Comparator<Problem> ORDER = Comparator.comparingInt((Problem p) -> p.location().line())
            .thenComparingInt(p -> p.location().column());

    /** Every problem, in file order (stable for problems at the same place). */
    public List<Problem> problems() {
        return problems;
    }

    /** Where the first problem is. */
    public Location location() {
        return problems.get(0).location();
    }
}
