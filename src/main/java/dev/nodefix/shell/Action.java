package dev.nodefix.shell;

import java.util.List;
import java.util.Objects;

/** What one shell line means: a CLI command to run, a new session state, text to show, or the end. */
public sealed interface Action {
    /**
     * Run the CLI's command tree with {@code argv}.
     *
     * @param note a line shown before it runs (e.g. which run {@code undo} rolls back); empty for none
     */
    record Invoke(List<String> argv, Effect effect, String note) implements Action {
        public Invoke {
            argv = List.copyOf(argv);
            Objects.requireNonNull(effect, "effect");
            Objects.requireNonNull(note, "note");
        }

        Invoke(List<String> argv, Effect effect) {
            this(argv, effect, "");
        }
    }

    /** The session changes (cd, check, forks, ...); {@code message} says how, empty for nothing to say. */
    record Update(ShellState state, String message) implements Action {
        public Update {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Text to show (help, list, or why a line was not run); {@code failed} counts as a failed command. */
    record Say(String text, boolean failed) implements Action {
        public Say {
            Objects.requireNonNull(text, "text");
        }

        static Say error(String text) {
            return new Say(text, true);
        }

        static Say info(String text) {
            return new Say(text, false);
        }
    }

    /** {@code exit}, {@code quit}. */
    record Exit() implements Action {
    }
}
