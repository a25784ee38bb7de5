package dev.nodefix.lab;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a {@link Lab} of 3 nodes (profile "affected"), started once for the whole IT run and torn
 * down when JUnit closes its root store. Needs root; without it the tests fail with the reason, they do
 * not skip: the lab is the point.
 */
public final class LabExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LabExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Lab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // a stored AutoCloseable is closed by JUnit when the root context closes (end of the run)
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("lab", key -> start(), Lab.class);
    }

    private static Lab start() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("lab tests need root (network namespaces, sshd): run as root");
        }
        return Lab.up(Path.of("").toAbsolutePath(), 3, "affected");
    }
}
