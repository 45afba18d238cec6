package io.github.xenacpi.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code report.json} written platform by platform through Jackson's generator: the document's schema, version,
 * time and rules first, then each platform's part as it is added, then the closing brackets; the bytes are those of
 * the whole {@link ConformanceReport} serialised at once. The document grows in a {@link PartFile} that takes the
 * place of {@code report.json} when it is complete, so that a run that fails halfway leaves the previous report.
 */
final class JsonReport implements FormatWriter {
    private final Path file;
    private final PartFile part;
    private final JsonGenerator json;

    /** A writer of {@code file} for a report with the schema, version, time and rules of {@code head}. */
    JsonReport(ConformanceReport head, Path file) throws IOException {
        this.file = file;
        this.part = new PartFile(file.getParent());
        this.json = ReportWriter.MAPPER.writer().createGenerator(part.writer());
        try {
            json.writeStartObject();
            json.writeStringField("schema", head.schema());
            json.writeStringField("toolVersion", head.toolVersion());
            json.writeStringField("generated", head.generated());
            json.writeFieldName("rules");
            ReportWriter.MAPPER.writeValue(json, head.rules());
            json.writeArrayFieldStart("platforms");
        } catch (IOException | RuntimeException e) {
            try {
                close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public void add(PlatformReport platform) throws IOException {
        ReportWriter.MAPPER.writeValue(json, platform);
    }

    @Override
    public void finish() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
        part.moveTo(file);
    }

    @Override
    public void close() throws IOException {
        try {
            json.close();
        } finally {
            part.close();
        }
    }
}
