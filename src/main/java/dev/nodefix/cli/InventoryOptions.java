package dev.nodefix.cli;

import dev.nodefix.ansiblecfg.AnsibleConfig;
import dev.nodefix.connect.CommandLineOverrides;
import dev.nodefix.connect.InventorySources;
import dev.nodefix.connect.Setup;
import dev.nodefix.connect.SetupReader;
import dev.nodefix.connect.SetupRequest;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.Sourced;
import dev.nodefix.sshconfig.SshConfig;
import dev.nodefix.vault.Vault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code -i/--inventory}, {@code -F/--ssh-config}, the vault options and {@code -l/--limit}: where the operator's
 * setup is, shared by every command that reads an inventory. The setup (ansible.cfg, inventories, group_vars,
 * ssh config) is read once per command.
 */
public final class InventoryOptions {
    @Option(names = {"-i", "--inventory"}, paramLabel = "SOURCE",
            description = "Inventory file (YAML or INI) or directory; repeatable. Default: $NODEFIX_INVENTORY,"
                    + " else Ansible's ($ANSIBLE_INVENTORY, ansible.cfg's inventory), else "
                    + InventorySources.DEFAULT + ".")
    List<Path> inventories = new ArrayList<>();

    @Option(names = {"-F", "--ssh-config"}, paramLabel = "FILE",
            description = "Read only this OpenSSH client config, as ssh -F (default: ~/.ssh/config, then /etc/ssh/ssh_config).")
    Path sshConfig;

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN",
            description = {"Hosts to act on: names, groups, globs, ~regex, a:b (or), a:&b (and), a:!b (not).",
                    "@RUN: the hosts of that run (a run id, or @last) that did not end well, to retry them;"
                    + " @FILE: host names, one a line (Ansible's .retry file). E.g. @last,!node3."})
    String limit;

    @Mixin VaultOptions vault;

    private AnsibleConfig ansibleConfig;
    private Setup setup;
    private Vault unvault;
    private java.util.Set<String> only; // exact host names from limitedTo; null: --limit decides
    private CliContext ctx; // the command's, once the setup is read: what @RUN and @FILE in --limit are read with
    private dev.nodefix.inventory.HostPattern pattern; // --limit, read once (@FILE and @RUN read once)

    /** ansible.cfg and ANSIBLE_*, read once per command. */
    AnsibleConfig ansibleConfig(CliContext ctx) {
        this.ctx = ctx;
        if (ansibleConfig == null) {
            ansibleConfig = new SetupReader().ansibleConfig(ctx.env(), ctx.workingDir(), ctx.home());
        }
        return ansibleConfig;
    }

    /** The vault for this command's {@code !vault} values (inventory and {@code -e}): one password prompt at most. */
    public Vault unvault(CliContext ctx) {
        if (unvault == null) {
            unvault = vault.vault(ctx, ansibleConfig(ctx).vaultPasswordFile().filter(f -> f.origin().line() > 0).map(Sourced::value));
        }
        return unvault;
    }

    /** The setup with the command line's connection options applied (for {@code --explain}), read once. */
    public Setup setup(CliContext ctx, CommandLineOverrides overrides, Optional<Path> playbookDir) {
        if (setup == null) {
            setup = new SetupReader().read(request(ctx, inventories, overrides, playbookDir), ansibleConfig(ctx));
            setup.notices().forEach(n -> ctx.err().println("nodefix: " + n));
            ctx.err().flush();
        }
        return setup;
    }

    private SetupRequest request(CliContext ctx, List<Path> sources, CommandLineOverrides overrides,
            Optional<Path> playbookDir) {
        return new SetupRequest(ctx.env(), ctx.workingDir(), ctx.home(), localUser(ctx), sources,
                Optional.ofNullable(sshConfig),
                // like ansible and ansible-inventory, whose playbook directory is then the working directory
                playbookDir.or(() -> Optional.of(ctx.workingDir())), overrides, unvault(ctx));
    }

    /**
     * A NEW setup on each call (ansible.cfg, the inventory, its group_vars and the ssh config read again), with the
     * same request as {@link #setup(CliContext, ConnectionOptions, BecomeOptions)} and the inventory sources that
     * first read chose, which it reads if it was not yet; for a session that outlives edits to those files (the
     * shell). The same vault (one password prompt at most); the notices were printed by the first read.
     */
    public Supplier<Setup> setups(CliContext ctx, ConnectionOptions connection, BecomeOptions become) {
        CommandLineOverrides overrides = connection.overrides(become);
        List<Path> sources = setup(ctx, overrides, Optional.empty()).sources();
        return () -> new SetupReader().read(request(ctx, sources, overrides, Optional.empty()));
    }

    /**
     * What the setup is read from, for noticing an edit: the inventory sources (files or directories), the
     * group_vars/ and host_vars/ beside the working directory, ansible.cfg and the ssh config files (not the files
     * these include). Reads the setup if it was not yet.
     */
    public List<Path> setupFiles(CliContext ctx) {
        List<Path> files = new ArrayList<>(setup(ctx).sources());
        files.add(ctx.workingDir().resolve("group_vars"));
        files.add(ctx.workingDir().resolve("host_vars"));
        ansibleConfig(ctx).file().ifPresent(files::add);
        if (sshConfig != null) {
            files.add(sshConfig);
        } else {
            files.add(SshConfig.defaultUserFile(ctx.home()));
            files.add(SshConfig.SYSTEM_FILE);
        }
        return files;
    }

    public Setup setup(CliContext ctx) {
        return setup(ctx, CommandLineOverrides.NONE, Optional.empty());
    }

    public Inventory load(CliContext ctx) {
        return setup(ctx).inventory();
    }

    /** The setup of a command that connects: its connection and become options win over every file. */
    public Setup setup(CliContext ctx, ConnectionOptions connection, BecomeOptions become) {
        return setup(ctx, connection.overrides(become), Optional.empty());
    }

    /** The {@code -i} values as given (empty: the inventory is found as described above). */
    public List<Path> inventories() {
        return List.copyOf(inventories);
    }

    /** The hosts selected by --limit, deciding nothing else (listings that contact no host). */
    public List<Host> names(Inventory inventory) {
        if (only != null) {
            return inventory.hosts().values().stream().filter(h -> only.contains(h.name())).toList();
        }
        return limitPattern().select(inventory, note -> {
            if (ctx != null) {
                ctx.err().println("nodefix: note: " + note);
                ctx.err().flush();
            }
        });
    }

    /**
     * --limit as a pattern ({@code all} when absent), its {@code @RUN} and {@code @FILE} terms read (once) from the
     * run store and the working directory of the command.
     */
    private dev.nodefix.inventory.HostPattern limitPattern() {
        if (pattern == null) {
            String text = limit == null ? "all" : limit;
            pattern = ctx == null ? dev.nodefix.inventory.HostPattern.parse(text)
                    : dev.nodefix.inventory.HostPattern.parse(text, new LimitReferences(ctx.workingDir(),
                            ctx.services().runs(),
                            note -> {
                                ctx.err().println("nodefix: " + note);
                                ctx.err().flush();
                            }));
        }
        return pattern;
    }

    /** The {@code -l/--limit} value as given, if any. */
    public Optional<String> limit() {
        return Optional.ofNullable(limit);
    }

    /**
     * The same sources and setup (already read, if it was), selecting exactly the hosts named, in the inventory's
     * order: names are matched whole, never read as a pattern (an IPv6 address or a name with ':' stays one host).
     */
    InventoryOptions limitedTo(java.util.Collection<String> hosts) {
        InventoryOptions other = new InventoryOptions();
        other.inventories = inventories;
        other.sshConfig = sshConfig;
        other.vault = vault;
        other.ansibleConfig = ansibleConfig;
        other.setup = setup;
        other.unvault = unvault;
        other.ctx = ctx;
        other.only = java.util.Set.copyOf(hosts);
        return other;
    }

    /**
     * The hosts selected by --limit (all when absent), for a command that connects; a pattern that selects nothing is
     * an error. Every inventory host's connection is decided here (the selected hosts', and the others' whose
     * addresses are the peers of the L2 preflight and the facts), and the vaulted sudo passwords of the selected
     * hosts that become: a setting nodefix cannot honour or a vaulted value it cannot decrypt stops the command
     * before any host is contacted.
     */
    public List<Host> select(Inventory inventory) {
        List<Host> selected = names(inventory);
        selected.forEach(Host::connection);
        inventory.hosts().values().forEach(Host::connection);
        if (setup != null) {
            selected.stream().filter(h -> h.connection().become()).forEach(setup::becomePassword);
        }
        return selected;
    }

    /**
     * Which inventory this command uses, for {@code run.json}: the sources it read (absolute) and --limit. Reads
     * the setup if it was not yet.
     */
    public dev.nodefix.journal.InventoryUsed used(CliContext ctx) {
        return new dev.nodefix.journal.InventoryUsed(setup(ctx).sources().stream()
                .map(p -> ctx.workingDir().resolve(p).toAbsolutePath().normalize().toString()).toList(),
                Optional.ofNullable(limit));
    }

    /** What to append to a suggested command so it reads the same inventory: {@code " -i FILE"}s or nothing. */
    public String hint() {
        return inventories.stream().map(i -> " -i " + dev.nodefix.transport.Command.quote(i.toString()))
                .collect(Collectors.joining());
    }

    static String localUser(CliContext ctx) {
        String user = ctx.env().get("USER");
        return user == null || user.isBlank() ? System.getProperty("user.name") : user;
    }
}
