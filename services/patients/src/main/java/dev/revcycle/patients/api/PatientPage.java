package dev.revcycle.patients.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PatientPage", description = "One page of patients; page counts from 0")
public record PatientPage(List<PatientResponse> items, int page, int size, long total) {
}
