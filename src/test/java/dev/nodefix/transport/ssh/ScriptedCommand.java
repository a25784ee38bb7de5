package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.sshd.server.command.AbstractCommandSupport;

/**
 * What the test server "runs": a handful of scripted commands, the command line split on spaces.
 * <ul>
 *   <li>{@code echo WORDS} prints the words; {@code line ARGS} prints the raw command line received</li>
 *   <li>{@code stderr WORDS} prints to stderr; {@code exit N} exits with N</li>
 *   <li>{@code sleep N} waits N seconds (interrupted when the channel is closed), then prints "slept"</li>
 *   <li>{@code await FILE N} waits until FILE exists (at most N seconds), then prints "released" or
 *       "gave up"</li>
 *   <li>{@code big N} writes N bytes to stderr first, then N bytes to stdout</li>
 *   <li>{@code cat} copies stdin to stdout until EOF</li>
 *   <li>{@code sudo ...} prints its command line and, on stderr, what it got on stdin; user "nopasswd" has a
 *       NOPASSWD rule, everyone else needs a password ({@code sudo -n} fails)</li>
 *   <li>{@code drop} prints "partial" then kills the whole connection</li>
 * </ul>
 */
final class ScriptedCommand extends AbstractCommandSupport {
    ScriptedCommand(String command) {
        super(command, null);
    }

    @Override
    public void run() {
        List<String> words = Arrays.asList(withoutSearchPath(getCommand()).split(" "));
        try {
            int exit = perform(words.get(0), words.subList(1, words.size()));
            getOutputStream().flush();
            getErrorStream().flush();
            onExit(exit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            onExit(99, e.toString());
        }
    }

    private int perform(String verb, List<String> args) throws IOException, InterruptedException {
        switch (verb) {
            case "echo" -> print(getOutputStream(), String.join(" ", args) + "\n");
            case "line" -> print(getOutputStream(), getCommand() + "\n");
            case "stderr" -> print(getErrorStream(), String.join(" ", args) + "\n");
            case "exit" -> {
                return Integer.parseInt(args.get(0));
            }
            case "sleep" -> {
                Thread.sleep(Long.parseLong(args.get(0)) * 1000);
                print(getOutputStream(), "slept\n");
            }
            case "await" -> {
                java.nio.file.Path file = java.nio.file.Path.of(args.get(0));
                long deadline = System.nanoTime() + Long.parseLong(args.get(1)) * 1_000_000_000L;
                while (!java.nio.file.Files.exists(file) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                print(getOutputStream(), java.nio.file.Files.exists(file) ? "released\n" : "gave up\n");
            }
            case "big" -> big(Integer.parseInt(args.get(0)));
            case "cat" -> getInputStream().transferTo(getOutputStream());
            case "sudo" -> {
                return sudo(args);
            }
            case "drop" -> drop();
            default -> {
                print(getErrorStream(), verb + ": not found\n");
                return 127;
            }
        }
        return 0;
    }

    /** The line nodefix built, without the PATH assignment its remote lines start with (the real ssh sends none). */
    static String withoutSearchPath(String line) {
        String prefix = "PATH=" + dev.nodefix.transport.Command.SEARCH_PATH + ":\"$PATH\" ";
        return line.startsWith(prefix) ? line.substring(prefix.length()) : line;
    }

    private void big(int size) throws IOException {
        byte[] block = new byte[size];
        Arrays.fill(block, (byte) 'e');
        getErrorStream().write(block);
        getErrorStream().flush();
        Arrays.fill(block, (byte) 'o');
        getOutputStream().write(block);
    }

    private int sudo(List<String> args) throws IOException {
        String user = args.get(args.indexOf("-u") + 1);
        if (args.contains("-n") && !user.equals("nopasswd")) {
            print(getErrorStream(), "sudo: a password is required\n");
            return 1;
        }
        String stdin = new String(getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        print(getErrorStream(), "stdin: " + stdin.replace("\n", "|") + "\n");
        print(getOutputStream(), withoutSearchPath(getCommand()) + "\n");
        return 0;
    }

    private void drop() throws IOException {
        print(getOutputStream(), "partial\n");
        getOutputStream().flush();
        getServerSession().close(true);
    }

    private static void print(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
