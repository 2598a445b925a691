package dev.revcycle.patients.api;

import dev.revcycle.common.audit.AuditEvent;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEventPage", description = "One page of PHI access records, newest first")
public record AuditEventPage(List<AuditEvent> items, int page, int size, long total) {
}
