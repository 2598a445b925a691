package dev.revcycle.archbad.domain;

/** Breaks domainIsPlainJava: Quarkus in the domain. */
public class KnowsQuarkus {
    public void started(io.quarkus.runtime.StartupEvent event) {
    }
}
