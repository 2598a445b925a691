package dev.revcycle.claims.archfixture;

/** Stands for another service's code, which no service may use. */
public class ClaimsCode {
}
