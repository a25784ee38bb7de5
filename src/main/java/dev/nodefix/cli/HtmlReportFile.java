package dev.nodefix.cli;

import dev.nodefix.report.HtmlReport;
import dev.nodefix.report.ReportSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** {@code --html FILE} / {@code --report FILE}: the HTML report written whole (a temporary file moved into place). */
final class HtmlReportFile {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HtmlReportFile() {}

    /** @param what the command the report is of; the time is added */
    static void write(CliContext ctx, Path file, String what, ReportSnapshot now, Optional<ReportSnapshot> before) {
        String html = new HtmlReport().render(what + ", " + WHEN.format(ctx.clock().instant()), now, before);
        Path target = file.toAbsolutePath();
        try {
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, html);
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the report " + file + ": " + e.getMessage());
        }
        ctx.err().println("report written to " + file);
        ctx.err().flush();
    }
}
