package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener on 127.0.0.1 standing in for an overloaded sshd: the first {@code spoiled} connections are closed at
 * once (sshd's MaxStartups) or held open without a word (a listener too busy to answer); later ones are relayed to
 * {@code target}. Counts connections accepted.
 */
final class FlakyListener implements AutoCloseable {
    enum Spoil { CLOSE, STALL }

    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    /** @param target the port of a real server, or 0 for none (every connection spoiled) */
    FlakyListener(Spoil spoil, int spoiled, int target) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> accept(spoil, spoiled, target), "flaky-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(Spoil spoil, int spoiled, int target) {
        try {
            while (true) {
                Socket client = socket.accept();
                open.add(client);
                int n = accepted.incrementAndGet();
                if (target == 0 || n <= spoiled) {
                    if (spoil == Spoil.CLOSE) {
                        client.close();
                    }
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(server);
                relay(client, server);
                relay(server, client);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static void relay(Socket from, Socket to) {
        Thread pipe = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(to);
                closeQuietly(from);
            }
        }, "flaky-relay");
        pipe.setDaemon(true);
        pipe.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
        open.forEach(FlakyListener::closeQuietly);
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
