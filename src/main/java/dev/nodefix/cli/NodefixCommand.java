package dev.nodefix.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * The command tree's root: {@code nodefix COMMAND [OPTIONS]}. {@link Cli} adds the commands the composition root
 * brings (the shell) and then {@code help}.
 */
@Command(name = "nodefix", mixinStandardHelpOptions = true, versionProvider = Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {"Find and fix the flannel VXLAN 63-second service delay across a k3s cluster over SSH, and undo"
                + " every change it made. Reads the Ansible inventories, ansible.cfg and OpenSSH client config you"
                + " already have.", ""},
        subcommands = {InventoryCommand.class, PingCommand.class, RunCommand.class, PlayCommand.class,
                FactsCommand.class, DiagnoseCommand.class, CollectScriptCommand.class, RunsCommand.class,
                RollbackCommand.class, UnlockCommand.class, PlaybooksCommand.class, ModulesCommand.class,
                CompletionCommand.class, ExportCommand.class},
        footer = {"", "Inventory: -i FILE, else $NODEFIX_INVENTORY, else Ansible's ($ANSIBLE_INVENTORY, ansible.cfg's"
                + " inventory), else inventory/hosts.yaml.",
                "Host keys are checked strictly against known_hosts; --accept-new-host-keys records unknown ones.",
                "Colour only on a terminal; --no-color, a non-empty NO_COLOR or TERM=dumb turn it off.",
                "Exit codes: 0 ok, 1 usage or input error, 2 a host failed, 4 a host unreachable.",
                "Each command's options: nodefix COMMAND --help (or man nodefix-COMMAND)."})
public final class NodefixCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing COMMAND");
    }
}
