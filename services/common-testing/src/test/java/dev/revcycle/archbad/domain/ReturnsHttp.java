package dev.revcycle.archbad.domain;

/** Breaks domainIsPlainJava: an HTTP type in the domain. */
public class ReturnsHttp {
    public jakarta.ws.rs.core.Response answer() {
        return null;
    }
}
