package dev.nodefix.cli;

import dev.nodefix.export.ExportException;
import dev.nodefix.export.NodeRollback;
import dev.nodefix.export.NodeScript;
import dev.nodefix.export.SucManifests;
import dev.nodefix.journal.RunId;
import dev.nodefix.playbook.ExtraVars;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.playbook.PlaybookException;
import dev.nodefix.playbook.PlaybookLoader;
import dev.nodefix.report.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nodefix export suc PLAYBOOK}: the playbook as a node script and system-upgrade-controller Plans. */
@Command(name = "export", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "FORMAT",
        description = "Write a playbook for another way of running it (see docs/fleets.md).",
        subcommands = {ExportCommand.Suc.class})
public final class ExportCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing FORMAT (suc)");
    }

    @Command(name = "suc", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Write a playbook whose tasks run node-locally as manifests for Rancher's"
                    + " system-upgrade-controller: a Secret with the node script, a server Plan (control-plane nodes,"
                    + " one at a time) and an agent Plan that waits for it.",
                    "The script does on each node what `nodefix play` would, journaled on the node as over SSH:"
                    + " `nodefix runs --from-nodes` lists the run and `nodefix rollback RUN --from-nodes` undoes it. A"
                    + " task that needs the controller is refused with its file:line.",
                    "--rollback RUN writes Plans that undo RUN instead, for nodes SSH cannot reach: on each node the"
                    + " script reads RUN's journal there (the run may have been applied by SUC or over SSH), undoes its"
                    + " changes last first as `nodefix rollback RUN --from-nodes` does (servers first, then agents),"
                    + " and journals that as a rollback of RUN; a node without RUN says so and passes, and a second pass"
                    + " undoes nothing."},
            footer = {"", "Exit: 0 written, 1 the playbook cannot be exported (or bad input)."})
    public static final class Suc implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "PLAYBOOK", description = "The playbook file (not with"
                + " --rollback).")
        Path file;

        @Option(names = "--rollback", paramLabel = "RUN", description = "Write Plans that roll run RUN back on every"
                + " node whose journal has it (see `nodefix runs --from-nodes`), instead of a playbook's.")
        String rollback;

        @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS", description = "Variables, as for `nodefix play`;"
                + " fixed in the script when exporting (repeatable).")
        List<String> extraVars = new ArrayList<>();

        @Option(names = "--image", paramLabel = "IMAGE", description = "The Job's image: it needs chroot and sh;"
                + " name its tag or digest (SUC tags an image without one with the run id) (default ${DEFAULT-VALUE}).")
        String image = SucManifests.DEFAULT_IMAGE;

        @Option(names = "--kubectl-image", paramLabel = "IMAGE", description = "The agent Plan's prepare image, which"
                + " waits for the server Plan with kubectl; a tag or digest too (default ${DEFAULT-VALUE}, SUC's own).")
        String kubectlImage = SucManifests.DEFAULT_KUBECTL_IMAGE;

        @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "SUC's namespace (default ${DEFAULT-VALUE}).")
        String namespace = SucManifests.DEFAULT_NAMESPACE;

        @Option(names = "--name", paramLabel = "NAME", description = "Base of the Secret's and Plans' names (default:"
                + " nodefix- and the playbook's file name; nodefix-rollback-RUN with --rollback).")
        String name;

        @Option(names = "--agent-concurrency", paramLabel = "N", description = "Agents at once (default: the play's"
                + " serial when it is a number, else " + SucManifests.DEFAULT_AGENT_CONCURRENCY + ").")
        Integer agentConcurrency;

        @Option(names = "--run-id", paramLabel = "RUN", description = "The run id the nodes journal under (default: a"
                + " new one); with --rollback, the rollback's own id.")
        String run;

        @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write DIR/NAME.yaml (the manifests) and"
                + " DIR/node.sh (the script, to read); default: the manifests on stdout.")
        Path output;

        private final CliContext ctx;

        public Suc(CliContext ctx) {
            this.ctx = ctx;
        }

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if ((file == null) == (rollback == null)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a PLAYBOOK or --rollback RUN"
                        + " (one of them)");
            }
            if (rollback != null && !extraVars.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-e: a rollback has no variables");
            }
            try {
                if (rollback != null) {
                    return rollback();
                }
                Map<String, Object> vars = ExtraVars.decrypted(ExtraVars.parse(extraVars), v -> {
                    throw new IllegalArgumentException("-e: a vaulted value would be written into the Secret in"
                            + " clear; nodefix does not export it");
                });
                Playbook book = new PlaybookLoader(ctx.services().modules(), ctx.services().expressions()).load(file, vars);
                String id = run != null ? RunId.check(run) : RunId.next(ctx.clock().instant(), ctx.entropy());
                String script = new NodeScript(ctx.services().modules(), ctx.services().expressions())
                        .compile(book, vars, id);
                SucManifests suc = new SucManifests(name != null ? name : SucManifests.nameFor(book), namespace, image,
                        kubectlImage, id, Optional.ofNullable(agentConcurrency));
                write(suc, suc.yaml(book, script), script, "run " + id);
                return ExitCode.OK;
            } catch (PlaybookException e) {
                e.problems().forEach(p -> ctx.err().println("nodefix: error: " + p));
            } catch (ExportException | IllegalArgumentException | dev.nodefix.journal.JournalException e) {
                ctx.err().println("nodefix: error: " + e.getMessage());
            } catch (IOException e) {
                ctx.err().println("nodefix: error: cannot write " + output + ": " + e.getMessage());
            }
            ctx.err().flush();
            return ExitCode.USAGE;
        }

        /** The Plans that undo run {@code rollback} on each node from its own journal, as a rollback run of their own. */
        private int rollback() throws IOException {
            String of = RunId.check(rollback);
            String id = run != null ? RunId.check(run) : RunId.next(ctx.clock().instant(), ctx.entropy());
            String script = NodeRollback.compile(of, id);
            SucManifests suc = new SucManifests(name != null ? name : SucManifests.rollbackNameFor(of), namespace, image,
                    kubectlImage, id, Optional.ofNullable(agentConcurrency));
            write(suc, suc.rollbackYaml(of, script), script, "rollback " + id + " of run " + of);
            return ExitCode.OK;
        }

        private void write(SucManifests suc, String yaml, String script, String what) throws IOException {
            if (output == null) {
                ctx.out().print(yaml);
                ctx.out().flush();
            } else {
                Files.createDirectories(output);
                Files.writeString(output.resolve(suc.name() + ".yaml"), yaml);
                Files.writeString(output.resolve(SucManifests.SCRIPT_KEY), script);
                ctx.err().println("nodefix: wrote " + output.resolve(suc.name() + ".yaml") + " and "
                        + output.resolve(SucManifests.SCRIPT_KEY) + " (" + what + "; kubectl apply -f "
                        + output.resolve(suc.name() + ".yaml") + ")");
            }
            ctx.err().flush();
        }
    }
}
