package dev.revcycle.common.domain;

/**
 * One rule a request breaks about one field: the field's path as the client sent it (e.g.
 * {@code address.state}) and what is wrong, in words that never quote the value.
 */
public record FieldError(String field, String message) {
}
