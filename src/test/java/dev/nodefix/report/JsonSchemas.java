package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shipped JSON Schemas of the {@code --json} documents ({@code docs/schema/NAME.schema.json}, draft 2020-12),
 * loaded from the repository by file location so their relative {@code $ref}s resolve as they would for a user.
 */
public final class JsonSchemas {
    public static final Path DIR = Path.of("docs/schema");

    /** Schemas by their file IRIs, read here (a {@code $ref} to a sibling file resolves to one of these). */
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemas(iri -> iri.startsWith("file:") ? read(Path.of(URI.create(iri))) : null));

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(String name) {
        return DIR.resolve(name + ".schema.json");
    }

    /** Why {@code json} does not fit schema {@code name} (empty when it does). */
    public List<String> errors(String name, String json) {
        Schema schema = registry.getSchema(SchemaLocation.of(file(name).toAbsolutePath().toUri().toString()));
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** Fails, naming every misfit and showing the document, unless {@code json} fits schema {@code name}. */
    public void assertValid(String name, String json) {
        assertThat(errors(name, json)).as("%s.schema.json against:%n%s", name, json).isEmpty();
    }
}
