package dev.nodefix.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a local input file (playbook, inventory, group_vars/host_vars, {@code -e @FILE}, captured output) whole as
 * UTF-8 text, after the checks that keep a wrong file from hanging or flooding nodefix: it must be a regular file
 * (a directory, FIFO, socket or device such as {@code /dev/zero} is refused before it is opened) of at most
 * {@link #MAX_BYTES}, and valid UTF-8 (the first bad byte is named by line and byte offset). Every refusal is an
 * {@link InputException} located at the file.
 */
public final class InputFile {
    /** The largest input file read: 2 MiB, far above any real playbook or inventory; YAML parsing time grows faster than size. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    private InputFile() {}

    /**
     * The file's text.
     *
     * @param what what the file is for, in messages: "playbook", "inventory", "vars"
     */
    public static String read(Path file, String what) {
        Location at = new Location(file.toString(), 0, 0);
        byte[] bytes = bytes(file, what, at);
        return utf8(bytes, at);
    }

    private static byte[] bytes(Path file, String what, Location at) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputException(at, "no such " + what + " file");
        } catch (IOException e) {
            throw new InputException(at, "cannot read the " + what + " file: " + reason(e));
        }
        if (attributes.isDirectory()) {
            throw new InputException(at, "is a directory; nodefix expected the " + what + " file here");
        }
        if (!attributes.isRegularFile()) {
            throw new InputException(at, "is a FIFO, socket or device; nodefix reads the " + what
                    + " from a regular file only");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new InputException(at, tooLarge(what, attributes.size()));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InputException(at, tooLarge(what, bytes.length));
            }
            return bytes;
        } catch (IOException e) {
            throw new InputException(at, "cannot read the " + what + " file: " + reason(e));
        }
    }

    private static String tooLarge(String what, long size) {
        return "the " + what + " file is " + size + " bytes; nodefix reads input files of at most " + MAX_BYTES
                + " bytes (2 MiB)";
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Strict UTF-8: the first malformed byte is reported by line and byte offset, never replaced. */
    static String utf8(byte[] bytes, Location at) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw notUtf8(bytes, in.position(), at);
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw notUtf8(bytes, in.position(), at);
        }
        return out.flip().toString();
    }

    private static InputException notUtf8(byte[] bytes, int offset, Location at) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String shown = offset < bytes.length ? String.format(" 0x%02X", bytes[offset] & 0xff) : "";
        return new InputException(new Location(at.file(), line, offset - lineStart + 1), "not UTF-8 text: byte"
                + shown + " at byte offset " + offset + " is not valid UTF-8; save the file as UTF-8");
    }
}
