package dev.nodefix.transport.ssh;

import dev.nodefix.transport.Become;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.Transport;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import net.schmizz.sshj.SSHClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated connection (plus its jump connection, if any) and the I/O threads that drain its
 * channels. Every command gets a new session channel on the same connection.
 */
final class SshTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(SshTransport.class);

    private final SshTarget target;
    private final SSHClient client;
    private final Optional<SSHClient> jump;
    private final ExecutorService io;
    private final Duration commandTimeout;
    private final RemoteExecution execution;
    private final Map<String, Boolean> sudoWithoutPassword = new ConcurrentHashMap<>();

    SshTransport(SshTarget target, SSHClient client, Optional<SSHClient> jump, ExecutorService io,
                 Duration commandTimeout) {
        this.target = target;
        this.client = client;
        this.jump = jump;
        this.io = io;
        this.commandTimeout = commandTimeout;
        this.execution = new RemoteExecution(client, target, io);
    }

    @Override
    public String host() {
        return target.host();
    }

    @Override
    public CommandResult execute(Command command) {
        if (!client.isConnected()) {
            throw FailureClassifier.failure(target, FailureClass.DISCONNECTED, "connection already lost", null);
        }
        return execution.run(withoutNeedlessPassword(withoutNeedlessSudo(command)),
                command.timeout().orElse(commandTimeout));
    }

    /**
     * A command to become the very user the connection logged in as runs without sudo, as Ansible does
     * ({@code become_allow_same_user} is false by default): sudo would only switch to the same user, at the
     * cost of a process start and a sudoers read per command (about 6 ms of a small node's CPU). The names are
     * compared, as Ansible compares them: root logged in becoming root skips sudo; another user with uid 0 does not.
     */
    private Command withoutNeedlessSudo(Command command) {
        Become become = command.become();
        return become.enabled() && become.user().equals(target.user()) ? command.withBecome(Become.NONE) : command;
    }

    /**
     * With {@code sudo -S} and a NOPASSWD rule, sudo never reads stdin, so the password line would become
     * the command's input. So once per user, ask {@code sudo -n true}; if that works, sudo needs no password
     * here and none is sent. (Over SSH exec there is no tty, so sudo's credential cache does not carry from
     * one command to the next and the answer stays valid for the connection.)
     */
    private Command withoutNeedlessPassword(Command command) {
        Become become = command.become();
        if (!become.enabled() || become.password().isEmpty()) {
            return command;
        }
        Become noPassword = Become.sudo(become.user(), Optional.empty());
        boolean needless = sudoWithoutPassword.computeIfAbsent(become.user(),
                user -> execution.run(Command.of("true").withBecome(noPassword), commandTimeout).ok());
        return needless ? command.withBecome(noPassword) : command;
    }

    @Override
    public void close() {
        closeQuietly(client);
        jump.ifPresent(SshTransport::closeQuietly);
        io.shutdownNow();
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("close: {}", e.toString());
        }
    }
}
