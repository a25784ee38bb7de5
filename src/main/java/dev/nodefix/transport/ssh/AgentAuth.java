package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthPublickey;

/**
 * sshj's publickey method for a key held by ssh-agent: the request is built as for a key file, but the
 * signature comes from the agent, for the algorithm sshj chose (rsa-sha2-512/256 flags for RSA keys).
 */
final class AgentAuth extends AuthPublickey {
    private final Agent agent;
    private final HostKey key;

    private AgentAuth(Agent agent, HostKey key, PublicKey publicKey) {
        super(new PublicOnly(publicKey, key));
        this.agent = agent;
        this.key = key;
    }

    /** The method for {@code identity}, or an exception when sshj cannot read its key type. */
    static AgentAuth of(Agent agent, AgentIdentity identity) throws GeneralSecurityException {
        try {
            PublicKey publicKey = new Buffer.PlainBuffer(identity.key().blob()).readPublicKey();
            if (KeyType.fromKey(publicKey) == KeyType.UNKNOWN) {
                throw new GeneralSecurityException("unsupported key type " + identity.key().type());
            }
            return new AgentAuth(agent, identity.key(), publicKey);
        } catch (Buffer.BufferException | RuntimeException e) {
            throw new GeneralSecurityException("unsupported key type " + identity.key().type(), e);
        }
    }

    @Override
    protected SSHPacket putSig(SSHPacket request) throws UserAuthException {
        byte[] signed = request.getCompactData();
        byte[] data = new Buffer.PlainBuffer().putBytes(params.getTransport().getSessionID())
                .putRawBytes(signed).getCompactData();
        try {
            request.putBytes(agent.sign(key, data, algorithmIn(signed)));
            return request;
        } catch (IOException e) {
            throw new UserAuthException("ssh-agent did not sign with " + key.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The public key algorithm sshj wrote: byte, user, service, "publickey", true, ALGORITHM, key blob. */
    private static String algorithmIn(byte[] request) throws UserAuthException {
        try {
            Buffer.PlainBuffer b = new Buffer.PlainBuffer(request);
            b.readByte();
            b.readString();
            b.readString();
            b.readString();
            b.readBoolean();
            return b.readString();
        } catch (Buffer.BufferException e) {
            throw new UserAuthException("cannot read the publickey request", e);
        }
    }

    /** The public half only: the private key stays in the agent. */
    private record PublicOnly(PublicKey publicKey, HostKey key) implements KeyProvider {
        @Override
        public PrivateKey getPrivate() throws IOException {
            throw new IOException("the private key is held by ssh-agent");
        }

        @Override
        public PublicKey getPublic() {
            return publicKey;
        }

        @Override
        public KeyType getType() {
            return KeyType.fromKey(publicKey);
        }

        @Override
        public String toString() {
            return "ssh-agent " + key.describe();
        }
    }
}
