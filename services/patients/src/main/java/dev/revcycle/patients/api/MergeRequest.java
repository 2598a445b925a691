package dev.revcycle.patients.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MergeRequest")
public record MergeRequest(@Schema(description = "The duplicate record to retire into this one", required = true) UUID duplicateId) {
}
