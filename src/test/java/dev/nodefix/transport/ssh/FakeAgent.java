package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** An in-JVM stand-in for ssh-agent on a Unix socket that answers every request with the same bytes. */
final class FakeAgent implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Path socket;
    private final Thread thread;

    private FakeAgent(ServerSocketChannel server, Path socket, byte[] reply) {
        this.server = server;
        this.socket = socket;
        this.thread = new Thread(() -> serve(reply), "fake-agent");
        thread.setDaemon(true);
        thread.start();
    }

    static FakeAgent replying(Path socket, byte[] reply) {
        try {
            Files.deleteIfExists(socket);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            return new FakeAgent(server, socket, reply);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path socket() {
        return socket;
    }

    private void serve(byte[] reply) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                client.read(ByteBuffer.allocate(4096));
                client.write(ByteBuffer.wrap(reply));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            thread.join(2000);
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
