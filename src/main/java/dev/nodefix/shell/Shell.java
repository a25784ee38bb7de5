package dev.nodefix.shell;

import dev.nodefix.journal.RunMeta;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * {@code nodefix shell}: the read-eval loop, on a terminal (prompt, line editing, completion, history, Ctrl-C)
 * or over a script on stdin (no prompt, no colours, no questions; exit code of the first line that failed).
 */
public final class Shell {
    private final ShellContext base;
    private final ShellState start;
    private final ShellInventory inventory;

    /** A shell whose cd, list, prompt and completion read {@code inventory} (the commands read their own setup). */
    public Shell(ShellContext base, ShellState start, ShellInventory inventory) {
        this.base = base;
        this.start = start;
        this.inventory = inventory;
    }

    /** Reads lines from a script until its end or {@code exit}; returns the first failed line's exit code, else 0. */
    public int scripted(BufferedReader in) {
        ShellSession session = session(new ShellSession.Io(base.out(), base.err(), false, q -> false,
                CommandRunner.direct()));
        int first = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                OptionalInt code = session.line(line);
                if (code.isEmpty()) {
                    break;
                }
                if (first == 0 && code.getAsInt() != 0) {
                    first = code.getAsInt();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shell's input", e);
        }
        return first;
    }

    /**
     * The interactive shell on {@code terminal}, until exit or Ctrl-D; always 0 (each command reported its own). A
     * dumb terminal gets no colours.
     */
    public int interactive(Terminal terminal) {
        LineReader reader = reader(terminal);
        boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType());
        InterruptibleRunner runner = new InterruptibleRunner(terminal, terminal.writer());
        ShellSession session = new ShellSession(base.commands(), new LineTranslator(inventory, base.modules()),
                dumb && !start.options().contains("--no-color") ? start.withOption("--no-color") : start,
                new ShellSession.Io(terminal.writer(), terminal.writer(), true, confirm(reader), runner));
        terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_IGN); // the prompt and each command set their own
        terminal.writer().println("nodefix shell on " + inventory.file() + ": `help` lists the commands, Ctrl-D leaves.");
        loop(reader, session);
        runner.finish(java.time.Duration.ofMinutes(3));
        if (!session.runs().isEmpty()) {
            terminal.writer().println("runs this shell made and did not undo: " + String.join(" ", session.runs())
                    + " (nodefix rollback RUN undoes one)");
        }
        terminal.writer().flush();
        saveHistory(reader);
        return 0;
    }

    /** Line editing with completion, and the history file (created with its directory). */
    private LineReader reader(Terminal terminal) {
        Path history = base.history();
        createParent(history);
        return LineReaderBuilder.builder().terminal(terminal).appName("nodefix")
                .completer(new ShellCompleter(inventory, base.modules(), this::runIds, new PlaybookFiles(Path.of(""))))
                .variable(LineReader.HISTORY_FILE, history)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // !CMD is a command, not a history event
                .build();
    }

    private void loop(LineReader reader, ShellSession session) {
        while (true) {
            String line;
            try {
                line = reader.readLine(Prompt.render(session.state(), inventory, base.env()));
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt drops the line, as a shell does
            } catch (EndOfFileException e) {
                return;
            }
            if (session.line(line).isEmpty()) {
                return;
            }
        }
    }

    private ShellSession session(ShellSession.Io io) {
        return new ShellSession(base.commands(), new LineTranslator(inventory, base.modules()), start, io);
    }

    /** A y/N question through the line reader, kept out of the history; Ctrl-C or Ctrl-D is a no. */
    private static Predicate<String> confirm(LineReader reader) {
        return question -> {
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            try {
                String answer = reader.readLine(question + " [y/N] ");
                return answer != null && answer.strip().matches("(?i)y|yes");
            } catch (UserInterruptException | EndOfFileException e) {
                return false;
            } finally {
                reader.setVariable(LineReader.DISABLE_HISTORY, false);
            }
        };
    }

    /** The journal's run ids, newest first. */
    private List<String> runIds() {
        try {
            List<String> ids = new ArrayList<>(base.runs().list()
                    .stream().map(RunMeta::id).toList());
            Collections.reverse(ids);
            return ids;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private void createParent(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            base.err().println("nodefix shell: no history kept: cannot create " + file.getParent() + ": " + e.getMessage());
        }
    }

    private void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            base.err().println("nodefix shell: history not saved: " + e.getMessage());
        }
    }
}
