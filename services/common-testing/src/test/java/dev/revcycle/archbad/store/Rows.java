package dev.revcycle.archbad.store;

public class Rows {
}
