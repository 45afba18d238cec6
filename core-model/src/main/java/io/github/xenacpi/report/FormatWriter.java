package io.github.xenacpi.report;

import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import java.io.Closeable;
import java.io.IOException;

/**
 * One file of a report written platform by platform ({@link ReportStream}): each platform's part is added, in report
 * order, as soon as it is made, and what a format states across platforms is written when the last has been added.
 * Closing it without finishing leaves no scratch file behind.
 */
interface FormatWriter extends Closeable {

    /** Writes, or sets aside, this platform's part. */
    void add(PlatformReport platform) throws IOException;

    /** Completes the file once every platform has been added. */
    void finish() throws IOException;
}
