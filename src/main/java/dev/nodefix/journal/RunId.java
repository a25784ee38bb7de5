package dev.nodefix.journal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/** Run ids: {@code 20261125T201503Z-3f9a}, sortable by time, safe in paths and shell words. */
public final class RunId {
    private static final Pattern SHAPE = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{4}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private RunId() {}

    /** @param random 16 random bits, injected so tests get fixed ids */
    public static String next(Instant now, IntSupplier random) {
        return TIME.format(now) + "-" + HexFormat.of().toHexDigits((short) random.getAsInt());
    }

    public static String check(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) {
            throw new JournalException("not a run id: '" + id + "' (expected e.g. 20261125T201503Z-3f9a)");
        }
        return id;
    }

    public static boolean looksLike(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
