package dev.nodefix.cli;

/** Shell snippets (run as root inside a lab node) that create unprivileged users for become tests. */
final class LabUsers {
    static final String PASSWORD = "s3cret-Pw-for-sudo";

    private static final String USER = """
            id %1$s >/dev/null 2>&1 || useradd -M -d /var/lib/%1$s -s /bin/sh %1$s
            mkdir -p /var/lib/%1$s/.ssh
            cp /root/.ssh/authorized_keys /var/lib/%1$s/.ssh/authorized_keys
            chown -R %1$s /var/lib/%1$s
            chmod 700 /var/lib/%1$s/.ssh
            """;

    /** labuser: key login, passwordless sudo. Its password field is '*' (no password, not locked). */
    static final String NOPASSWD_SUDOER = USER.formatted("labuser") + """
            usermod -p '*' labuser
            echo 'labuser ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/labuser
            chmod 440 /etc/sudoers.d/labuser
            """;

    /** labpw: key login, sudo only with its password. */
    static final String PASSWORD_SUDOER = USER.formatted("labpw") + """
            echo 'labpw:%s' | chpasswd
            echo 'labpw ALL=(ALL) ALL' > /etc/sudoers.d/labpw
            chmod 440 /etc/sudoers.d/labpw
            """.formatted(PASSWORD);

    private LabUsers() {}
}
