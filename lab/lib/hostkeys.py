#!/usr/bin/python3
"""lab/lib/hostkeys.py -- generate many OpenSSH ed25519 key pairs in one process.

Reads "PATH COMMENT" lines on stdin and writes PATH (private key, OpenSSH format, mode 0600) and
PATH.pub ("ssh-ed25519 AAAA... COMMENT"), like `ssh-keygen -q -t ed25519 -N '' -C COMMENT -f PATH`.
Used by lab/lab up for the nodes' host keys: one python process instead of one ssh-keygen per node
(an exec costs ~10-30 ms of CPU on a small, busy VM). Needs python3-cryptography (a dependency of
Debian's ansible-core); lab/lab falls back to ssh-keygen without it.
"""
import os
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def main() -> int:
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        path, _, comment = line.partition(" ")
        key = Ed25519PrivateKey.generate()
        priv = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
                                 serialization.NoEncryption())
        pub = key.public_key().public_bytes(serialization.Encoding.OpenSSH,
                                            serialization.PublicFormat.OpenSSH)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(priv)
        with open(path + ".pub", "wb") as f:
            f.write(pub + b" " + comment.encode() + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
