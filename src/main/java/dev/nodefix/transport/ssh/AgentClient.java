package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.common.Buffer;

/**
 * A client of the ssh-agent protocol (draft-miller-ssh-agent) over the agent's Unix domain socket: list the
 * identities, ask for a signature. One socket connection per request, so any thread may call it. Private
 * keys never leave the agent; nothing read from it is logged.
 */
final class AgentClient {
    static final byte FAILURE = 5;
    static final byte REQUEST_IDENTITIES = 11;
    static final byte IDENTITIES_ANSWER = 12;
    static final byte SIGN_REQUEST = 13;
    static final byte SIGN_RESPONSE = 14;
    static final int RSA_SHA2_256 = 2;
    static final int RSA_SHA2_512 = 4;
    /** OpenSSH's limit on one agent message. */
    static final int MAX_MESSAGE = 256 * 1024;

    private final Path socket;

    AgentClient(Path socket) {
        this.socket = socket;
    }

    Path socket() {
        return socket;
    }

    /** The keys the agent holds, in its order. */
    List<AgentIdentity> identities() throws IOException {
        Buffer.PlainBuffer answer = call(REQUEST_IDENTITIES, new Buffer.PlainBuffer(), IDENTITIES_ANSWER);
        try {
            long count = answer.readUInt32();
            if (count > MAX_MESSAGE / 8) {
                throw new IOException("agent claims " + count + " keys");
            }
            List<AgentIdentity> identities = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                byte[] blob = answer.readBytes();
                String comment = answer.readString();
                identities.add(new AgentIdentity(HostKey.fromBlob(blob), comment));
            }
            return identities;
        } catch (Buffer.BufferException | IllegalArgumentException e) {
            throw new IOException("malformed identities answer from the agent", e);
        }
    }

    /** The agent's signature of {@code data} with the key {@code keyBlob}: {@code string alg, string sig}. */
    byte[] sign(byte[] keyBlob, byte[] data, String algorithm) throws IOException {
        Buffer.PlainBuffer request = new Buffer.PlainBuffer().putBytes(keyBlob).putBytes(data)
                .putUInt32(flags(algorithm));
        try {
            return call(SIGN_REQUEST, request, SIGN_RESPONSE).readBytes();
        } catch (Buffer.BufferException e) {
            throw new IOException("malformed sign response from the agent", e);
        }
    }

    /** SSH_AGENT_RSA_SHA2_* for the rsa-sha2 signature algorithms; 0 (the key's own) otherwise. */
    static int flags(String algorithm) {
        return switch (algorithm) {
            case "rsa-sha2-256" -> RSA_SHA2_256;
            case "rsa-sha2-512" -> RSA_SHA2_512;
            default -> 0;
        };
    }

    private Buffer.PlainBuffer call(byte type, Buffer.PlainBuffer contents, byte expected) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            byte[] body = contents.getCompactData();
            ByteBuffer out = ByteBuffer.allocate(5 + body.length).putInt(1 + body.length).put(type).put(body);
            out.flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteBuffer reply = read(channel, read(channel, 4).getInt());
            byte answer = reply.get();
            if (answer != expected) {
                throw new IOException(answer == FAILURE ? "agent refused" : "unexpected agent reply " + answer);
            }
            byte[] rest = new byte[reply.remaining()];
            reply.get(rest);
            return new Buffer.PlainBuffer(rest);
        }
    }

    private static ByteBuffer read(SocketChannel channel, int length) throws IOException {
        if (length < 1 || length > MAX_MESSAGE) {
            throw new IOException("bad agent message length " + length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("agent closed the connection");
            }
        }
        return buffer.flip();
    }
}
