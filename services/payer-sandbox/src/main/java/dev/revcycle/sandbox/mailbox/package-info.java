/** The clearinghouse mailbox: answer files kept in a directory, listed by cursor. Plain Java, no Quarkus. */
package dev.revcycle.sandbox.mailbox;
